package org.aigateway.relay.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.aigateway.protocol.event.RelayCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer's append-only spill file and dead-letter file. Every file operation runs on a worker
 * thread, strictly after the previous one (a future chain), so the event loop never blocks and the
 * file is never touched by two threads at once. State is only read and changed on the outbox context.
 */
final class Journal {

  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private final Context context;
  private final Path path;
  private final Path deadPath;
  private final List<RelayCompleted> writeBuffer = new ArrayList<>();
  private Future<?> tail = Future.succeededFuture();
  private boolean writeQueued;
  private boolean truncateQueued;
  private long unread;
  private long readPosition;

  Journal(Context context, Path dir, String address) {
    this.context = context;
    String name = address.replaceAll("[^A-Za-z0-9._-]", "_");
    this.path = dir.resolve(name + ".jsonl");
    this.deadPath = dir.resolve(name + ".dead.jsonl");
  }

  /** Events appended (or waiting to be) that have not been read back yet. */
  boolean hasUnread() {
    return unread > 0;
  }

  /** Opens the file left by an earlier run; the result is how many events it holds. */
  Future<Long> open() {
    return serial(() -> blocking(() -> JournalFiles.open(path)).map(lines -> {
      unread += lines;
      readPosition = 0;
      return lines;
    }));
  }

  void append(RelayCompleted event) {
    unread++;
    writeBuffer.add(event);
    flushWrites();
  }

  /** Starts writing buffered events; appends arriving meanwhile are written together by one later step. */
  void flushWrites() {
    if (writeQueued || writeBuffer.isEmpty()) {
      return;
    }
    writeQueued = true;
    serial(() -> {
      List<RelayCompleted> events = takeBuffer();
      return blocking(() -> write(events)).recover(e -> {
        LOG.error("outbox journal {}: write failed, keeping {} events in memory to retry", path, events.size(), e);
        writeBuffer.addAll(0, events);
        return Future.failedFuture(e);
      });
    });
  }

  /** Reads up to {@code max} events; {@code sink} gets them before any later journal step runs. */
  Future<Void> read(int max, Consumer<JournalFiles.Chunk> sink) {
    return serial(() -> {
      long from = readPosition;
      return blocking(() -> Files.exists(path) ? JournalFiles.read(path, from, max) : emptyChunk(from))
          .map(chunk -> {
            readPosition = chunk.next();
            unread -= chunk.lines();
            sink.accept(chunk);
            return null;
          });
    });
  }

  /** Empties the file once everything in it has been read (the caller knows it was acknowledged too). */
  void truncateIfRead() {
    if (truncateQueued || unread > 0 || readPosition == 0) {
      return;
    }
    truncateQueued = true;
    serial(() -> {
      truncateQueued = false;
      if (unread > 0) {
        return Future.succeededFuture();
      }
      return blocking(() -> write(() -> JournalFiles.truncate(path))).map(v -> {
        readPosition = 0;
        return null;
      });
    });
  }

  Future<Void> deadLetter(List<RelayCompleted> events) {
    return serial(() -> blocking(() -> write(() -> JournalFiles.append(deadPath, events))));
  }

  /** Replaces the file with {@code head} (taken when this step runs) followed by everything unread. */
  Future<Void> rewrite(Supplier<List<RelayCompleted>> head) {
    return serial(() -> {
      List<RelayCompleted> first = head.get();
      List<RelayCompleted> last = takeBuffer();
      long from = readPosition;
      return blocking(() -> write(() -> JournalFiles.rewrite(path, first, from, last))).map(v -> {
        readPosition = 0;
        unread += first.size();
        return null;
      });
    });
  }

  private List<RelayCompleted> takeBuffer() {
    List<RelayCompleted> events = List.copyOf(writeBuffer);
    writeBuffer.clear();
    writeQueued = false;
    return events;
  }

  private Void write(List<RelayCompleted> events) throws Exception {
    return write(() -> JournalFiles.append(path, events));
  }

  private static Void write(IoAction action) throws Exception {
    action.run();
    return null;
  }

  private static JournalFiles.Chunk emptyChunk(long from) {
    return new JournalFiles.Chunk(List.of(), 0, from);
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return context.executeBlocking(work, false);
  }

  private <T> Future<T> serial(Supplier<Future<T>> step) {
    Future<T> result = tail.transform(ignored -> step.get());
    tail = result.transform(ignored -> Future.succeededFuture());
    return result;
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws Exception;
  }
}
