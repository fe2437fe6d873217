package org.aigateway.relay.adaptor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/**
 * One upstream call in flight: owns its {@link Deadlines} and aborts the call when one passes or the
 * client leaves. Adaptors report each stream chunk (the first ends the first-byte wait and starts the
 * idle watch) and ask it what a transport failure means.
 */
public final class UpstreamExchange {

  private final Vertx vertx;
  private HttpClientRequest request;
  private Promise<HttpClientRequest> connecting;
  private RelayException abortReason;
  private Deadlines deadlines;
  private BooleanSupplier clientBackPressured;
  private long totalTimer = -1;
  private long firstByteTimer = -1;
  private long idleTimer = -1;
  private long lastChunkNanos;
  private boolean finished;

  public UpstreamExchange(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Arms the total and first-byte deadlines. {@code clientBackPressured} tells whether the relay paused
   * the upstream for a slow client: that silence is the client's, so the idle watch does not count it.
   */
  public void start(Deadlines deadlines, BooleanSupplier clientBackPressured) {
    this.deadlines = deadlines;
    this.clientBackPressured = clientBackPressured;
    totalTimer = vertx.setTimer(deadlines.totalMs(), id -> abort(OpenAiErrors.upstreamTimeout(
        "no complete answer within " + seconds(deadlines.totalMs()))));
    firstByteTimer = vertx.setTimer(deadlines.firstByteMs(), id -> abort(OpenAiErrors.upstreamTimeout(
        "no first byte within " + seconds(deadlines.firstByteMs()))));
  }

  /**
   * The upstream request once the client has one. It may wait for a pooled connection; an abort
   * meanwhile (a deadline passed, the client left) fails the returned future at once, and the
   * request that arrives later is reset.
   */
  public Future<HttpClientRequest> attach(Future<HttpClientRequest> requested) {
    Promise<HttpClientRequest> attached = Promise.promise();
    connecting = attached;
    if (abortReason != null) {
      attached.fail(abortReason);
    }
    requested.onComplete(done -> {
      if (done.failed()) {
        attached.tryFail(done.cause());
        return;
      }
      request = done.result();
      if (abortReason != null) {
        request.reset(0, abortReason);
      }
      attached.tryComplete(request);
    });
    return attached.future();
  }

  /** The upstream began to answer: the first-byte deadline no longer applies. */
  public void firstByte() {
    if (firstByteTimer >= 0) {
      vertx.cancelTimer(firstByteTimer);
      firstByteTimer = -1;
    }
  }

  /** A stream chunk arrived: the first ends the first-byte wait and starts the idle watch. */
  public void chunk() {
    lastChunkNanos = System.nanoTime();
    if (idleTimer < 0 && !finished) {
      firstByte();
      if (deadlines.idleMs() > 0) {
        idleTimer = vertx.setTimer(deadlines.idleMs(), id -> checkIdle());
      }
    }
  }

  /** One timer per idle period rather than one per chunk: it re-arms for the time left since the last chunk. */
  private void checkIdle() {
    if (finished) {
      return;
    }
    long now = System.nanoTime();
    if (clientBackPressured.getAsBoolean()) {
      lastChunkNanos = now;
    }
    long quietMs = (now - lastChunkNanos) / 1_000_000;
    if (quietMs >= deadlines.idleMs()) {
      abort(OpenAiErrors.upstreamTimeout("no stream data for " + seconds(deadlines.idleMs())));
    } else {
      idleTimer = vertx.setTimer(deadlines.idleMs() - quietMs, id -> checkIdle());
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
    } else if (connecting != null) {
      connecting.tryFail(reason);
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
    if (idleTimer >= 0) {
      vertx.cancelTimer(idleTimer);
    }
    firstByte();
  }

  private static String seconds(long ms) {
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
