package org.aigateway.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAI's Responses API inside {@link FakeOpenAiServer}: {@code POST /v1/responses} (or Azure's
 * {@code /openai/responses}; whole or
 * streamed as {@code response.created} ... {@code response.completed}), and on the responses it
 * created {@code GET}/{@code DELETE /v1/responses/{id}} ({@code GET ...?stream=true} streams the
 * stored response as a creation streams it), {@code POST .../cancel} (background
 * responses only) and {@code GET .../input_items}; unknown ids are 404 in OpenAI's shape. A background
 * response is created {@code queued}, without usage, until {@link #finishBackground} completes it.
 */
final class FakeResponsesApi {

  private static final String PATH = "/responses";

  private final Vertx vertx;
  private final FakeBehaviour behaviour;
  private final Map<String, JsonObject> responses = new ConcurrentHashMap<>();
  private final Map<String, JsonArray> inputs = new ConcurrentHashMap<>();

  FakeResponsesApi(Vertx vertx, FakeBehaviour behaviour) {
    this.vertx = vertx;
    this.behaviour = behaviour;
  }

  /** Whether {@code path} is a Responses API path, under any prefix ({@code /v1}, Azure's {@code /openai}). */
  static boolean handles(String path) {
    return path.endsWith(PATH) || path.contains(PATH + "/");
  }

  /** Answers a Responses API call; {@code onStreamEnd} runs when a streamed answer has ended. */
  void answer(HttpServerRequest request, Buffer raw, Runnable onStreamEnd) {
    String path = request.path();
    if (path.endsWith(PATH) && request.method() == HttpMethod.POST) {
      create(request, new JsonObject(raw), onStreamEnd);
      return;
    }
    String[] parts = path.substring(path.indexOf(PATH + "/") + PATH.length() + 1).split("/");
    JsonObject stored = responses.get(parts[0]);
    if (stored == null) {
      FakeServer.json(request, 404, FakeResponses.error("Response with id '" + parts[0] + "' not found.",
          "invalid_request_error", null));
    } else if (parts.length == 1 && request.method() == HttpMethod.GET && "true".equals(request.getParam("stream"))) {
      new FakeResponsesStream(vertx, request, behaviour, stored).send().onComplete(done -> onStreamEnd.run());
    } else if (parts.length == 1 && request.method() == HttpMethod.GET) {
      FakeServer.json(request, 200, stored);
    } else if (parts.length == 1 && request.method() == HttpMethod.DELETE) {
      responses.remove(parts[0]);
      FakeServer.json(request, 200, new JsonObject().put("id", parts[0]).put("object", "response.deleted")
          .put("deleted", true));
    } else if (parts.length == 2 && parts[1].equals("cancel") && request.method() == HttpMethod.POST) {
      cancel(request, stored);
    } else if (parts.length == 2 && parts[1].equals("input_items") && request.method() == HttpMethod.GET) {
      JsonArray items = inputs.get(parts[0]);
      FakeServer.json(request, 200, new JsonObject().put("object", "list").put("data", items)
          .put("has_more", false).put("limit", request.getParam("limit")));
    } else {
      FakeServer.json(request, 404, FakeResponses.error("Unknown path " + path, "invalid_request_error", "unknown_url"));
    }
  }

  private void create(HttpServerRequest request, JsonObject body, Runnable onStreamEnd) {
    // random like OpenAI's: ids stay unique in a Redis shared by test runs
    String id = "resp_" + UUID.randomUUID().toString().replace("-", "");
    inputs.put(id, items(body.getValue("input")));
    boolean background = Boolean.TRUE.equals(body.getValue("background"));
    JsonObject response = response(id, body, background ? "queued" : "completed");
    responses.put(id, response);
    if (Boolean.TRUE.equals(body.getValue("stream"))) {
      new FakeResponsesStream(vertx, request, behaviour, response).send().onComplete(done -> onStreamEnd.run());
    } else {
      FakeServer.json(request, 200, response);
    }
  }

  /** Completes every queued background response, as the upstream does once it has run them. */
  void finishBackground() {
    responses.replaceAll((id, stored) -> "queued".equals(stored.getString("status"))
        ? response(id, stored, "completed") : stored);
  }

  private void cancel(HttpServerRequest request, JsonObject stored) {
    if (!"queued".equals(stored.getString("status")) && !"in_progress".equals(stored.getString("status"))) {
      FakeServer.json(request, 400, FakeResponses.error("Only responses created with background=true can be cancelled.",
          "invalid_request_error", null));
      return;
    }
    stored.put("status", "cancelled");
    FakeServer.json(request, 200, stored);
  }

  /** @param body the creation's body, or the stored response: both name the model and the previous response */
  private JsonObject response(String id, JsonObject body, String status) {
    JsonObject response = new JsonObject().put("id", id).put("object", "response")
        .put("created_at", FakeResponses.CREATED).put("status", status).put("model", body.getString("model"))
        .put("previous_response_id", body.getValue("previous_response_id"));
    if (!"completed".equals(status)) {
      return response.put("output", new JsonArray()).putNull("usage");
    }
    JsonObject text = new JsonObject().put("type", "output_text").put("text", behaviour.reply)
        .put("annotations", new JsonArray());
    JsonObject message = new JsonObject().put("type", "message").put("id", "msg_" + id).put("status", "completed")
        .put("role", "assistant").put("content", new JsonArray().add(text));
    return response.put("output", new JsonArray().add(message)).put("usage", behaviour.omitUsage ? null : usage(behaviour));
  }

  static JsonObject usage(FakeBehaviour b) {
    return new JsonObject().put("input_tokens", b.promptTokens)
        .put("input_tokens_details", new JsonObject().put("cached_tokens", b.cachedTokens))
        .put("output_tokens", b.completionTokens)
        .put("output_tokens_details", new JsonObject().put("reasoning_tokens", b.reasoningTokens))
        .put("total_tokens", b.promptTokens + b.completionTokens);
  }

  private static JsonArray items(Object input) {
    if (input instanceof JsonArray array) {
      return array.copy();
    }
    JsonObject text = new JsonObject().put("type", "input_text").put("text", String.valueOf(input));
    return new JsonArray().add(new JsonObject().put("type", "message").put("role", "user")
        .put("content", new JsonArray().add(text)));
  }
}
