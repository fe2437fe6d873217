package org.aigateway.relay.convert;

import io.vertx.core.buffer.Buffer;
import org.aigateway.protocol.model.Usage;

/**
 * Translates one upstream SSE stream into the client's protocol, event by event. The caller frames
 * the upstream bytes into events and passes each event's joined {@code data:} value; what comes
 * back is ready to write to the client (possibly empty). One instance per stream, not thread-safe.
 */
public interface StreamTranslator {

  /** The client's bytes for one upstream event; empty when it produces nothing. */
  Buffer onEvent(String data);

  /** The client's closing bytes once the upstream ended; empty when the stream did not end properly. */
  Buffer finish();

  /** An error event in the client's protocol, for a stream the relay has to cut short. */
  Buffer failure(ProtocolError error);

  /** Whether the upstream signalled a proper end (and no in-band error). */
  boolean completed();

  /** The in-band error the upstream sent, {@code null} when none. */
  ProtocolError error();

  /** The usage the upstream reported, normalised; {@code null} when it reported none. */
  Usage usage();

  /** The upstream's response id, {@code null} until seen. */
  String upstreamId();

  /** The text generated so far (content, reasoning, tool arguments), for counting when no usage came. */
  CharSequence text();
}
