package org.aigateway.relay.convert;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every translator shares: parsing each event's data, ignoring everything after the end or an
 * error, collecting the output of one call, and remembering usage, id, text and the error.
 */
public abstract class BaseStreamTranslator implements StreamTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(BaseStreamTranslator.class);

  private final StringBuilder text = new StringBuilder();
  private Buffer out;
  private Usage usage;
  private String upstreamId;
  private ProtocolError error;
  private boolean completed;

  @Override
  public final Buffer onEvent(String data) {
    out = Buffer.buffer();
    if (completed || error != null || data == null || data.isBlank()) {
      return out;
    }
    if (Sse.isDone(data)) {
      onDone();
      return out;
    }
    JsonObject json = Jsons.parseObject(data);
    if (json == null) {
      LOG.debug("Skipping an upstream event that is not a JSON object: {}", data);
      return out;
    }
    onJson(json);
    return out;
  }

  @Override
  public final Buffer finish() {
    out = Buffer.buffer();
    if (!completed && error == null) {
      onEnd();
    }
    return out;
  }

  /** Handles one upstream event. */
  protected abstract void onJson(JsonObject event);

  /** Handles OpenAI's {@code [DONE]}; other protocols never send it. */
  protected void onDone() {
  }

  /** Handles the end of the upstream stream; protocols without an end marker complete here. */
  protected void onEnd() {
  }

  protected final void emit(Buffer bytes) {
    out.appendBuffer(bytes);
  }

  protected final void complete() {
    completed = true;
  }

  protected final void fail(ProtocolError inBand) {
    error = inBand;
  }

  protected final void recordUsage(Usage reported) {
    usage = Usages.merge(usage, reported);
  }

  protected final void recordUpstreamId(String id) {
    if (upstreamId == null && id != null) {
      upstreamId = id;
    }
  }

  protected final void appendText(String generated) {
    if (generated != null) {
      text.append(generated);
    }
  }

  @Override
  public final boolean completed() {
    return completed && error == null;
  }

  @Override
  public final ProtocolError error() {
    return error;
  }

  @Override
  public final Usage usage() {
    return usage;
  }

  @Override
  public final String upstreamId() {
    return upstreamId;
  }

  @Override
  public final CharSequence text() {
    return text;
  }
}
