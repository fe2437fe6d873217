package org.aigateway.relay.convert;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Writes server-sent events in the shapes the three protocols use. */
public final class Sse {

  public static final String DONE = "[DONE]";

  private Sse() {
  }

  /** {@code data: <json>} and the blank line (OpenAI and Gemini events). */
  public static Buffer data(JsonObject json) {
    return Buffer.buffer("data: ").appendBuffer(json.toBuffer()).appendString("\n\n");
  }

  /** {@code event: <name>} followed by {@code data: <json>} (Anthropic events). */
  public static Buffer event(String name, JsonObject json) {
    return Buffer.buffer("event: ").appendString(name).appendString("\ndata: ")
        .appendBuffer(json.toBuffer()).appendString("\n\n");
  }

  /** OpenAI's end-of-stream event. */
  public static Buffer done() {
    return Buffer.buffer("data: [DONE]\n\n");
  }

  /** Whether an event's data is OpenAI's end-of-stream marker. */
  public static boolean isDone(String data) {
    return data != null && DONE.equals(data.strip());
  }
}
