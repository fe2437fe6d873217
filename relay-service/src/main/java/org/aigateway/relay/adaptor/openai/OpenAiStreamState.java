package org.aigateway.relay.adaptor.openai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.usage.Texts;

/**
 * What a relayed OpenAI stream has said so far: its id, the usage from any chunk carrying one, the
 * delivered text (for counting when no usage comes), an in-band error, and whether {@code [DONE]}
 * arrived. Decides which events the client sees.
 */
final class OpenAiStreamState {

  private static final String DONE = "[DONE]";

  private final boolean clientWantsUsage;
  private final StringBuilder text = new StringBuilder();
  private Usage usage;
  private String upstreamId;
  private JsonObject error;
  private boolean done;

  OpenAiStreamState(boolean clientWantsUsage) {
    this.clientWantsUsage = clientWantsUsage;
  }

  /** Records the event; returns whether the client should receive it. */
  boolean accept(SseEvent event) {
    String data = event.data();
    if (done) {
      return false;
    }
    if (data == null || data.isEmpty()) {
      return true;
    }
    if (DONE.equals(data.strip())) {
      done = true;
      return true;
    }
    JsonObject chunk = parse(data);
    return chunk == null || read(chunk);
  }

  private boolean read(JsonObject chunk) {
    if (upstreamId == null && chunk.getValue("id") instanceof String id) {
      upstreamId = id;
    }
    if (chunk.getValue("error") instanceof JsonObject err) {
      error = err;
      return true;
    }
    JsonArray choices = chunk.getValue("choices") instanceof JsonArray array ? array : null;
    if (choices != null) {
      choices.forEach(choice -> {
        if (choice instanceof JsonObject c) {
          Texts.appendChoice(text, c);
        }
      });
    }
    if (chunk.getValue("usage") instanceof JsonObject reported) {
      usage = OpenAiUsage.parse(reported);
      return clientWantsUsage || (choices != null && !choices.isEmpty());
    }
    return true;
  }

  private static JsonObject parse(String data) {
    if (data.charAt(0) != '{') {
      return null;
    }
    try {
      return new JsonObject(data);
    } catch (RuntimeException e) {
      return null;
    }
  }

  boolean done() {
    return done;
  }

  Usage usage() {
    return usage;
  }

  String upstreamId() {
    return upstreamId;
  }

  JsonObject error() {
    return error;
  }

  CharSequence text() {
    return text;
  }
}
