package org.aigateway.relay.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFilesTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("Opening a journal cuts off a line torn by a crash and counts the complete ones")
  void openDropsTornLine() throws Exception {
    Path file = dir.resolve("a.jsonl");
    JournalFiles.append(file, TestEvents.events("e", 3));
    Files.writeString(file, "{\"v\":1,\"request_id\":\"tor", StandardOpenOption.APPEND);

    assertThat(JournalFiles.open(file)).isEqualTo(3);
    assertThat(JournalAssert.ids(file)).containsExactly("e-0", "e-1", "e-2");
  }

  @Test
  @DisplayName("Reading in chunks resumes where the previous chunk stopped and skips unreadable lines")
  void readsInChunks() throws Exception {
    Path file = dir.resolve("b.jsonl");
    JournalFiles.append(file, TestEvents.events("x", 2));
    Files.write(file, "not json\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    JournalFiles.append(file, TestEvents.events("y", 2));

    JournalFiles.Chunk first = JournalFiles.read(file, 0, 3);
    JournalFiles.Chunk second = JournalFiles.read(file, first.next(), 10);

    assertThat(TestEvents.ids(first.events())).containsExactly("x-0", "x-1");
    assertThat(first.lines()).isEqualTo(3);
    assertThat(TestEvents.ids(second.events())).containsExactly("y-0", "y-1");
    assertThat(second.next()).isEqualTo(Files.size(file));
  }

  @Test
  @DisplayName("Rewriting keeps the given head, then only the unread part, then the buffered tail")
  void rewriteKeepsUnacknowledged() throws Exception {
    Path file = dir.resolve("c.jsonl");
    JournalFiles.append(file, TestEvents.events("old", 4));
    long unreadFrom = JournalFiles.read(file, 0, 2).next();

    JournalFiles.rewrite(file, List.of(TestEvents.event("head")), unreadFrom, List.of(TestEvents.event("tail")));

    assertThat(JournalAssert.ids(file)).containsExactly("head", "old-2", "old-3", "tail");
  }
}
