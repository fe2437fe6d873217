package org.aigateway.relay.adaptor;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * The client's side of a relayed request: writes the response, notes when the first byte went
 * out, and reports a client that went away.
 */
public final class Downstream {

  private final HttpServerResponse response;
  private final long startNanos;
  private long firstByteNanos;
  private boolean gone;
  private boolean backPressured;
  private Runnable onGone = () -> { };

  public Downstream(HttpServerResponse response, long startNanos) {
    this.response = response;
    this.startNanos = startNanos;
    response.closeHandler(v -> clientGone());
    response.exceptionHandler(err -> clientGone());
  }

  /**
   * Runs {@code action} when the client disconnects before the response ended; at once when it has
   * already (a client that left before this downstream existed fired no close handler of it).
   */
  public void onGone(Runnable action) {
    this.onGone = action;
    if (gone()) {
      action.run();
    }
  }

  public boolean gone() {
    return gone || response.closed();
  }

  /** Whether any byte of the response has been sent; after that nothing may be retried. */
  public boolean committed() {
    return response.headWritten();
  }

  public boolean ended() {
    return response.ended();
  }

  /** Sends a complete response. */
  public void end(int status, String contentType, Buffer body) {
    if (gone() || response.ended()) {
      return;
    }
    markFirstByte();
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
  }

  /** Starts an SSE response; call before the first {@link #write}. */
  public void startStream() {
    response.setStatusCode(200)
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("X-Accel-Buffering", "no");
  }

  /** Starts a streamed response of any content type (binary audio); call before the first {@link #relay}. */
  public void startBody(int status, String contentType) {
    response.setStatusCode(status).setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, contentType);
  }

  public void write(Buffer chunk) {
    if (gone() || response.ended()) {
      return;
    }
    markFirstByte();
    response.write(chunk);
  }

  public void end() {
    if (!gone() && !response.ended()) {
      response.end();
    }
  }

  /** Cuts a started response off, so that the client sees it incomplete: a binary body has no in-band error. */
  public void abort() {
    if (!gone() && !response.ended()) {
      response.reset();
    }
  }

  /**
   * Writes one piece of a stream, starting an SSE response with the first piece unless
   * {@link #startBody} started another, and pauses
   * {@code source} while the client's write queue is full, so a slow client slows the upstream
   * instead of filling memory.
   */
  public void relay(Buffer chunk, ReadStream<?> source) {
    if (!response.isChunked()) {
      startStream();
    }
    write(chunk);
    if (!gone() && response.writeQueueFull()) {
      backPressured = true;
      source.pause();
      response.drainHandler(v -> {
        backPressured = false;
        source.resume();
      });
    }
  }

  /** Whether a stream's upstream is paused until this slow client drains its write queue. */
  public boolean backPressured() {
    return backPressured;
  }

  /** Milliseconds from the request's arrival to its first response byte, 0 when none was sent. */
  public long ttfbMs() {
    return firstByteNanos == 0 ? 0 : Math.max(1, (firstByteNanos - startNanos) / 1_000_000);
  }

  private void markFirstByte() {
    if (firstByteNanos == 0) {
      firstByteNanos = System.nanoTime();
    }
  }

  private void clientGone() {
    if (gone || response.ended()) {
      return;
    }
    gone = true;
    onGone.run();
  }
}
