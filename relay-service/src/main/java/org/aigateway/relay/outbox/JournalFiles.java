package org.aigateway.relay.outbox;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.protocol.event.RelayCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Blocking file operations of a journal; only ever called from a worker thread, one at a time per file. */
final class JournalFiles {

  private static final Logger LOG = LoggerFactory.getLogger(JournalFiles.class);
  private static final int BUFFER = 64 * 1024;

  /** Events read from a journal, the lines they took (unreadable lines included) and where reading stopped. */
  record Chunk(List<RelayCompleted> events, int lines, long next) {
  }

  private JournalFiles() {
  }

  /** Counts the complete lines, cutting off a line torn by a crash in the middle of a write. */
  static long open(Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    if (!Files.exists(path)) {
      return 0;
    }
    long lines = 0;
    long end = 0;
    long position = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER)) {
      for (int b = in.read(); b != -1; b = in.read()) {
        position++;
        if (b == '\n') {
          lines++;
          end = position;
        }
      }
    }
    if (end < position) {
      LOG.warn("outbox journal {}: dropping {} bytes of a torn last line", path, position - end);
      try (FileChannel channel = FileChannel.open(path, WRITE)) {
        channel.truncate(end);
      }
    }
    return lines;
  }

  static void append(Path path, List<RelayCompleted> events) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Files.write(path, encode(events), CREATE, WRITE, APPEND);
  }

  /** Up to {@code max} events from byte offset {@code from}; unreadable lines are logged and skipped. */
  static Chunk read(Path path, long from, int max) throws IOException {
    List<RelayCompleted> events = new ArrayList<>();
    int lines = 0;
    long next = from;
    try (FileChannel channel = FileChannel.open(path, READ)) {
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(from)), BUFFER);
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long read = 0;
      for (int b = in.read(); b != -1 && lines < max; b = in.read()) {
        read++;
        if (b != '\n') {
          line.write(b);
          continue;
        }
        lines++;
        next = from + read;
        decode(path, line.toString(StandardCharsets.UTF_8), events);
        line.reset();
      }
    }
    return new Chunk(events, lines, next);
  }

  static void truncate(Path path) throws IOException {
    if (Files.exists(path)) {
      try (FileChannel channel = FileChannel.open(path, WRITE)) {
        channel.truncate(0);
      }
    }
  }

  /** Replaces the journal with {@code head}, then its unread part from {@code from}, then {@code tail}. */
  static void rewrite(Path path, List<RelayCompleted> head, long from, List<RelayCompleted> tail) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(temporary, CREATE, WRITE, TRUNCATE_EXISTING)) {
      OutputStream stream = Channels.newOutputStream(out);
      stream.write(encode(head));
      if (Files.exists(path)) {
        copy(path, from, out);
      }
      stream.write(encode(tail));
      out.force(true);
    }
    Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copy(Path path, long from, FileChannel out) throws IOException {
    try (FileChannel in = FileChannel.open(path, READ)) {
      for (long position = from; position < in.size(); ) {
        position += in.transferTo(position, in.size() - position, out);
      }
    }
  }

  private static byte[] encode(List<RelayCompleted> events) {
    StringBuilder text = new StringBuilder();
    events.forEach(event -> text.append(event.toJson().encode()).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void decode(Path path, String line, List<RelayCompleted> events) {
    try {
      events.add(RelayCompleted.fromJson(new JsonObject(line)));
    } catch (RuntimeException e) {
      LOG.error("outbox journal {}: skipping an unreadable line: {}", path, e.getMessage());
    }
  }
}
