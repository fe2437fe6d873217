package org.aigateway.relay.adaptor;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/**
 * One upstream call in flight: owns its deadlines (total, and first byte for streams) and aborts
 * the call when one passes or the client leaves. Adaptors report the first upstream byte and ask
 * it what a transport failure means.
 */
public final class UpstreamExchange {

  private final Vertx vertx;
  private HttpClientRequest request;
  private RelayException abortReason;
  private long totalTimer = -1;
  private long firstByteTimer = -1;
  private boolean finished;

  public UpstreamExchange(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Arms the deadlines; a first-byte deadline of 0 means none. */
  public void start(long totalMs, long firstByteMs) {
    totalTimer = vertx.setTimer(totalMs, id -> abort(OpenAiErrors.upstreamTimeout(
        "no complete answer within " + totalMs / 1000 + " s")));
    if (firstByteMs > 0) {
      firstByteTimer = vertx.setTimer(firstByteMs, id -> abort(OpenAiErrors.upstreamTimeout(
          "no first byte within " + firstByteMs / 1000 + " s")));
    }
  }

  public void attach(HttpClientRequest request) {
    this.request = request;
    if (abortReason != null) {
      request.reset(0, abortReason);
    }
  }

  /** The upstream sent its first body byte: the first-byte deadline no longer applies. */
  public void firstByte() {
    if (firstByteTimer >= 0) {
      vertx.cancelTimer(firstByteTimer);
      firstByteTimer = -1;
    }
  }

  /** Cancels the upstream call; the adaptor's pending future then fails with {@code reason}. */
  public void abort(RelayException reason) {
    if (finished || abortReason != null) {
      return;
    }
    abortReason = reason;
    if (request != null) {
      request.reset(0, reason);
    }
  }

  public boolean aborted() {
    return abortReason != null;
  }

  /** What a transport failure means for the client: the abort reason, else a 502. */
  public RelayException failureOf(Throwable err) {
    if (abortReason != null) {
      return abortReason;
    }
    if (err instanceof RelayException relay) {
      return relay;
    }
    if (err instanceof ConnectException || err instanceof UnknownHostException
        || err instanceof UnresolvedAddressException) {
      return OpenAiErrors.upstreamUnreachable(String.valueOf(err.getMessage()));
    }
    if (err instanceof TimeoutException) {
      return OpenAiErrors.upstreamTimeout(String.valueOf(err.getMessage()));
    }
    return OpenAiErrors.badUpstreamResponse("connection failed: " + err.getMessage());
  }

  /** The call is over; deadlines stop. */
  public void finish() {
    finished = true;
    vertx.cancelTimer(totalTimer);
    firstByte();
  }
}
