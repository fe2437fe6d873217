package org.aigateway.relay.adaptor;

import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.error.RelayException;

/**
 * How one upstream attempt ended: the status the client saw (or would see), the usage produced,
 * the upstream's response id, whether a stream was cut short, and the error of a failure.
 */
public record RelayResult(int status, Usage usage, boolean usageEstimated, String upstreamId, boolean truncated,
                          RelayException error) {

  public static RelayResult success(int status, Usage usage, boolean usageEstimated, String upstreamId) {
    return new RelayResult(status, usage, usageEstimated, upstreamId, false, null);
  }

  /** A failure before anything reached the client. */
  public static RelayResult failure(RelayException error) {
    return new RelayResult(error.status(), Usage.ZERO, false, null, false, error);
  }

  /** A stream that broke after bytes reached the client, with the usage delivered so far. */
  public static RelayResult truncated(RelayException error, Usage usage, boolean usageEstimated, String upstreamId) {
    return new RelayResult(error.status(), usage, usageEstimated, upstreamId, true, error);
  }

  public boolean failed() {
    return error != null;
  }

  public String errorMessage() {
    return error == null ? null : error.getMessage();
  }
}
