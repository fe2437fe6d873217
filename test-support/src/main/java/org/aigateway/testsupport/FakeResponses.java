package org.aigateway.testsupport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON bodies of the fake upstream, shaped like OpenAI's. */
final class FakeResponses {

  static final long CREATED = 1_700_000_000L;

  private FakeResponses() {
  }

  static JsonObject usage(FakeBehaviour b) {
    JsonObject usage = new JsonObject()
        .put("prompt_tokens", b.promptTokens)
        .put("completion_tokens", b.completionTokens)
        .put("total_tokens", b.promptTokens + b.completionTokens);
    if (b.cachedTokens > 0) {
      usage.put("prompt_tokens_details", new JsonObject().put("cached_tokens", b.cachedTokens));
    }
    if (b.reasoningTokens > 0) {
      usage.put("completion_tokens_details", new JsonObject().put("reasoning_tokens", b.reasoningTokens));
    }
    return usage;
  }

  static JsonObject chat(String id, String model, FakeBehaviour b) {
    JsonObject message = new JsonObject().put("role", "assistant").put("content", b.reply);
    JsonObject choice = new JsonObject().put("index", 0).put("message", message).put("finish_reason", "stop");
    return withUsage(base(id, "chat.completion", model).put("choices", new JsonArray().add(choice)), b);
  }

  static JsonObject completion(String id, String model, FakeBehaviour b) {
    JsonObject choice = new JsonObject().put("index", 0).put("text", b.reply).put("finish_reason", "stop");
    return withUsage(base(id, "text_completion", model).put("choices", new JsonArray().add(choice)), b);
  }

  static JsonObject embeddings(String model, int inputs, FakeBehaviour b) {
    JsonArray data = new JsonArray();
    for (int i = 0; i < inputs; i++) {
      data.add(new JsonObject().put("object", "embedding").put("index", i)
          .put("embedding", new JsonArray().add(0.1).add(-0.2).add(0.3)));
    }
    JsonObject body = new JsonObject().put("object", "list").put("data", data).put("model", model);
    if (!b.omitUsage) {
      body.put("usage", new JsonObject().put("prompt_tokens", b.promptTokens).put("total_tokens", b.promptTokens));
    }
    return body;
  }

  /** Jina's rerank answer: every document scored, best first, with {@code usage.total_tokens} = prompt tokens. */
  static JsonObject rerank(JsonObject body, FakeBehaviour b) {
    JsonArray documents = body.getJsonArray("documents", new JsonArray());
    JsonArray results = new JsonArray();
    for (int i = documents.size() - 1; i >= 0; i--) {
      results.add(new JsonObject().put("index", i).put("relevance_score", 0.9 - 0.1 * results.size())
          .put("document", new JsonObject().put("text", String.valueOf(documents.getValue(i)))));
    }
    JsonObject answer = new JsonObject().put("model", body.getString("model")).put("results", results);
    return b.omitUsage ? answer : answer.put("usage", new JsonObject().put("total_tokens", b.promptTokens));
  }

  static JsonObject moderation(String id, String model) {
    JsonObject result = new JsonObject().put("flagged", false).put("categories", new JsonObject())
        .put("category_scores", new JsonObject());
    return new JsonObject().put("id", "modr-" + id).put("model", model).put("results", new JsonArray().add(result));
  }

  static JsonObject images(int n) {
    JsonArray data = new JsonArray();
    for (int i = 0; i < n; i++) {
      data.add(new JsonObject().put("url", "https://images.example/" + i + ".png"));
    }
    return new JsonObject().put("created", CREATED).put("data", data);
  }

  /** One stream chunk carrying {@code text}; chat chunks use a delta, completion chunks a text. */
  static JsonObject chunk(String id, String model, boolean chat, String text, String finishReason) {
    JsonObject choice = new JsonObject().put("index", 0).put("finish_reason", finishReason);
    if (chat) {
      choice.put("delta", text == null ? new JsonObject() : new JsonObject().put("content", text));
    } else {
      choice.put("text", text == null ? "" : text);
    }
    String object = chat ? "chat.completion.chunk" : "text_completion";
    return base(id, object, model).put("choices", new JsonArray().add(choice));
  }

  static JsonObject usageChunk(String id, String model, boolean chat, FakeBehaviour b) {
    String object = chat ? "chat.completion.chunk" : "text_completion";
    return base(id, object, model).put("choices", new JsonArray()).put("usage", usage(b));
  }

  static JsonObject error(String message, String type, String code) {
    return new JsonObject().put("error", new JsonObject()
        .put("message", message).put("type", type).put("param", null).put("code", code));
  }

  private static JsonObject base(String id, String object, String model) {
    return new JsonObject().put("id", id).put("object", object).put("created", CREATED).put("model", model);
  }

  private static JsonObject withUsage(JsonObject body, FakeBehaviour b) {
    return b.omitUsage ? body : body.put("usage", usage(b));
  }
}
