package org.aigateway.testsupport;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Blocks a test thread (never an event loop) on futures and conditions. */
public final class Await {

  private Await() {
  }

  /** The future's result, failing the test after 30 seconds. */
  public static <T> T result(Future<T> future) {
    return result(future, 30);
  }

  public static <T> T result(Future<T> future, int seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("future did not complete in " + seconds + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Polls {@code condition} every 50 ms until it holds, failing after {@code seconds}. */
  public static void until(BooleanSupplier condition, int seconds, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      }
      sleep(50);
    }
  }

  /** Polls a future-returning probe until its value satisfies {@code accept}; returns that value. */
  public static <T> T until(Supplier<Future<T>> probe, java.util.function.Predicate<T> accept, int seconds, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = result(probe.get(), seconds);
        if (accept.test(last)) {
          return last;
        }
      } catch (AssertionError e) {
        last = null;
      }
      sleep(100);
    }
    throw new AssertionError("timed out after " + seconds + " s waiting for " + what + "; last value: " + last);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
