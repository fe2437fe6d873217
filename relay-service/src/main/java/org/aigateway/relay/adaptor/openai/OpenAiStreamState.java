package org.aigateway.relay.adaptor.openai;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;

/**
 * What a relayed OpenAI stream has said so far: its id, the usage from any chunk carrying one, the
 * delivered text (for counting when no usage comes), an in-band error, and whether {@code [DONE]}
 * arrived. Decides which events the client sees. Chunks are read in one streaming pass
 * ({@link OpenAiFields}); once the id is known, plain delta chunks wait unparsed in
 * {@link DeferredText} until their text is asked for; only an in-band error is parsed into a tree.
 */
final class OpenAiStreamState {

  private static final String DONE = "[DONE]";

  private final boolean clientWantsUsage;
  private final DeferredText text = new DeferredText();
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
    if (data.charAt(0) != '{') {
      return true;
    }
    if (upstreamId != null && DeferredText.canWait(data)) {
      text.defer(data);
      return true;
    }
    StringBuilder chunkText = new StringBuilder();
    OpenAiFields chunk = OpenAiFields.read(data, chunkText);
    return chunk == null || read(chunk, data, chunkText);
  }

  private boolean read(OpenAiFields chunk, String data, CharSequence chunkText) {
    if (upstreamId == null && chunk.id() != null) {
      upstreamId = chunk.id();
    }
    if (chunk.error()) {
      error = new JsonObject(data).getJsonObject("error");
      return true;
    }
    text.append(chunkText);
    if (chunk.usage() != null) {
      usage = OpenAiUsage.parse(chunk.usage());
      return clientWantsUsage || chunk.choices() > 0;
    }
    return true;
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
