package org.aigateway.relay.convert;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.protocol.model.Usage;

/**
 * Two translators in a row, for protocols converted through OpenAI chat (Anthropic ⇄ Gemini): the
 * upstream side's OpenAI events feed the client side. Build the upstream side with
 * {@code includeUsage = true} so that the usage reaches the client side. Usage, id, text and
 * errors are the upstream side's; the stream completed when both sides did.
 */
public final class StreamChain implements StreamTranslator {

  private final StreamTranslator upstreamSide;
  private final StreamTranslator clientSide;

  public StreamChain(StreamTranslator upstreamSide, StreamTranslator clientSide) {
    this.upstreamSide = upstreamSide;
    this.clientSide = clientSide;
  }

  /**
   * An upstream in-band error is written by the client side from the upstream's error itself: read
   * back from the OpenAI error event between the two, it would lose its status (an overloaded 529 or
   * 503 would reach the client as a 500).
   */
  @Override
  public Buffer onEvent(String data) {
    boolean failedBefore = upstreamSide.error() != null;
    Buffer middle = upstreamSide.onEvent(data);
    if (!failedBefore && upstreamSide.error() != null) {
      return clientSide.failure(upstreamSide.error());
    }
    return pass(middle);
  }

  @Override
  public Buffer finish() {
    return pass(upstreamSide.finish()).appendBuffer(clientSide.finish());
  }

  private Buffer pass(Buffer middle) {
    Buffer out = Buffer.buffer();
    for (String data : dataOf(middle)) {
      out.appendBuffer(clientSide.onEvent(data));
    }
    return out;
  }

  /** The data of events written by {@link Sse}: one {@code data:} line each, JSON never spans lines. */
  static List<String> dataOf(Buffer events) {
    List<String> data = new ArrayList<>();
    for (String line : events.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("data: ")) {
        data.add(line.substring(6));
      }
    }
    return data;
  }

  @Override
  public Buffer failure(ProtocolError error) {
    return clientSide.failure(error);
  }

  @Override
  public boolean completed() {
    return upstreamSide.completed() && clientSide.completed();
  }

  @Override
  public ProtocolError error() {
    return upstreamSide.error() != null ? upstreamSide.error() : clientSide.error();
  }

  @Override
  public Usage usage() {
    return upstreamSide.usage();
  }

  @Override
  public String upstreamId() {
    return upstreamSide.upstreamId();
  }

  @Override
  public CharSequence text() {
    return upstreamSide.text();
  }
}
