package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.convert.StreamTranslator;
import org.aigateway.relay.error.RelayException;

/**
 * How {@link BridgeRelay} turns one upstream answer into the client's: the client body of a whole
 * answer (or the upstream's bytes unchanged), its usage and text, the upstream's errors, and for
 * streams the framing and translator. One plan per attempt.
 */
public interface ResponsePlan {

  /** Whether the upstream's bytes go to the client unchanged (the translator then only observes). */
  boolean passThrough();

  /** The client's body for a whole upstream answer (not called when {@link #passThrough()}). */
  JsonObject response(JsonObject upstream);

  /** The usage a whole upstream answer reports, {@code null} when none. */
  Usage usage(JsonObject upstream);

  /** The generated text of a whole answer, counted when it reports no usage. */
  CharSequence text(JsonObject upstream);

  /** The upstream's id of a whole answer. */
  String upstreamId(JsonObject upstream);

  /** The failure for an upstream error answer. */
  RelayException error(int status, Buffer body);

  /** How the upstream's stream is cut into events. */
  Framing framing();

  /** The stream translator of this attempt. */
  StreamTranslator translator();

  /** An error event in the client's protocol, for a stream cut short. */
  Buffer failureEvent(ProtocolError error);
}
