package org.aigateway.relay.adaptor.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.Jsons;

/**
 * Reads the final usage of a stored response from a follow-up's answer (a retrieved response, whole
 * or streamed), for the billing of a background response: present only once the
 * response has finished ({@code completed}, {@code incomplete} or {@code failed}) with a {@code usage}.
 * A streamed answer is fed chunk by chunk as it is relayed.
 */
public final class ResponsesFinalUsage {

  private static final Set<String> FINISHED = Set.of("completed", "incomplete", "failed");

  private final SseFramer framer = new SseFramer();
  private final ResponsesStreamState state = new ResponsesStreamState();

  /** The final usage of a whole answer, {@code null} when it is not a finished response with usage. */
  public static Usage of(Buffer body) {
    JsonObject response = Jsons.parseObject(body.toString());
    return response != null && FINISHED.contains(Jsons.string(response, "status")) ? ResponsesUsage.of(response)
        : null;
  }

  /** Reads the events of one chunk of a streamed answer. */
  public void feed(Buffer chunk) {
    framer.feed(chunk).forEach(event -> state.accept(event.data()));
  }

  /** The usage of the stream's terminal event, {@code null} when none came (or it had no usage). */
  public Usage streamed() {
    framer.finish().forEach(event -> state.accept(event.data()));
    return state.usage();
  }
}
