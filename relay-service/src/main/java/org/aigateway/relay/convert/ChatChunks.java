package org.aigateway.relay.convert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;

/** Builds the {@code chat.completion.chunk} objects of one OpenAI stream (choice 0). */
public final class ChatChunks {

  private final long created = System.currentTimeMillis() / 1000;
  private String id;
  private String model;

  public ChatChunks(String id, String model) {
    this.id = id;
    this.model = model;
  }

  /** Sets the id and, when the client's model is unknown, the model from the upstream's first event. */
  public void identify(String upstreamId, String upstreamModel) {
    if (upstreamId != null) {
      id = upstreamId;
    }
    if (model == null) {
      model = upstreamModel;
    }
  }

  public JsonObject role() {
    return chunk(new JsonObject().put("role", "assistant").put("content", ""), null);
  }

  public JsonObject content(String text) {
    return chunk(new JsonObject().put("content", text), null);
  }

  public JsonObject reasoning(String text) {
    return chunk(new JsonObject().put("reasoning_content", text), null);
  }

  /** The first delta of a tool call: its id and name, with the arguments known so far (often empty). */
  public JsonObject toolCallStart(int index, String callId, String name, String arguments) {
    return toolCall(new JsonObject().put("index", index).put("id", callId).put("type", "function")
        .put("function", new JsonObject().put("name", name).put("arguments", arguments)));
  }

  /** A delta carrying {@code call}, a tool call delta built whole by the caller (with fields beyond the usual ones). */
  public JsonObject toolCall(JsonObject call) {
    return chunk(new JsonObject().put("tool_calls", new JsonArray().add(call)), null);
  }

  /** A fragment of a tool call's JSON arguments. */
  public JsonObject toolCallArguments(int index, String fragment) {
    JsonObject call = new JsonObject().put("index", index)
        .put("function", new JsonObject().put("arguments", fragment));
    return chunk(new JsonObject().put("tool_calls", new JsonArray().add(call)), null);
  }

  public JsonObject finish(String reason) {
    return chunk(new JsonObject(), reason);
  }

  /** The usage-only chunk sent to clients that asked for {@code stream_options.include_usage}. */
  public JsonObject usage(Usage usage) {
    return base().put("choices", new JsonArray()).put("usage", ChatUsageJson.toJson(usage));
  }

  private JsonObject chunk(JsonObject delta, String finishReason) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", finishReason);
    return base().put("choices", new JsonArray().add(choice));
  }

  private JsonObject base() {
    return new JsonObject().put("id", id).put("object", "chat.completion.chunk").put("created", created)
        .put("model", model);
  }
}
