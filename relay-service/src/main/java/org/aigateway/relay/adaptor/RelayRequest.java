package org.aigateway.relay.adaptor;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.multipart.MultipartForm;

/**
 * The facts of one client request, fixed once parsed.
 *
 * @param endpoint          the client's path, e.g. {@code /v1/chat/completions}
 * @param upstreamPath      the path appended to the channel's base URL, e.g. {@code /chat/completions}
 * @param body              the parsed JSON body
 * @param rawBody           the body as received, relayed unchanged when nothing needs rewriting
 * @param stream            the client asked for SSE
 * @param clientWantsUsage  the client asked for {@code stream_options.include_usage}
 * @param form              the parts of a {@code multipart/form-data} request ({@code body} then holds its
 *                          plain fields, {@code rawBody} the bytes received); {@code null} for JSON requests
 */
public record RelayRequest(String requestId, long requestAt, long startNanos, String endpoint, String upstreamPath,
                           Mode mode, String model, JsonObject body, Buffer rawBody, boolean stream,
                           boolean clientWantsUsage, String clientIp, MultipartForm form) {

  /** A JSON request. */
  public RelayRequest(String requestId, long requestAt, long startNanos, String endpoint, String upstreamPath,
                      Mode mode, String model, JsonObject body, Buffer rawBody, boolean stream,
                      boolean clientWantsUsage, String clientIp) {
    this(requestId, requestAt, startNanos, endpoint, upstreamPath, mode, model, body, rawBody, stream,
        clientWantsUsage, clientIp, null);
  }
}
