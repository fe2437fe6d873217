package org.aigateway.relay.outbox;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads journal files the way an operator would: one event per line. */
final class JournalAssert {

  private JournalAssert() {
  }

  static long lines(Path file) {
    return Files.exists(file) ? read(file).size() : 0;
  }

  static List<String> ids(Path file) {
    return read(file).stream().map(line -> new JsonObject(line).getString("request_id")).toList();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
