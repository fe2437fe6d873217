package org.aigateway.relay.adaptor.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.aigateway.bench.Fixtures;
import org.aigateway.relay.usage.Texts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scanning one streamed chat completion (16 events, the load benchmark's canned stream) for the
 * usage, id, errors and text, cut into socket reads of {@code chunkBytes}: the relay's framer and
 * stream state as they are, and the earlier way (regex line split, a JSON tree per event) for
 * comparison. Also the non-stream response read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SseScanBenchmark {

  @Param({"2048", "65536"})
  public int chunkBytes;

  private final Buffer response = Fixtures.resource("response.json");
  private Buffer[] pieces;

  @org.openjdk.jmh.annotations.Setup
  public void cut() {
    pieces = Fixtures.cut(Fixtures.resource("response.sse"), chunkBytes);
  }

  /** The relay's stream scan: framing, then one streaming pass per event. */
  @Benchmark
  public Object streamScan(Blackhole bh) {
    SseFramer framer = new SseFramer();
    OpenAiStreamState state = new OpenAiStreamState(false);
    for (Buffer piece : pieces) {
      for (SseEvent event : framer.feed(piece)) {
        bh.consume(state.accept(event));
      }
    }
    return state.usage();
  }

  /** The earlier stream scan: a regex split per event and a JSON tree per chunk. */
  @Benchmark
  public Object streamScanTree(Blackhole bh) {
    SseFramer framer = new SseFramer();
    StringBuilder text = new StringBuilder();
    Object usage = null;
    for (Buffer piece : pieces) {
      for (SseEvent event : framer.feed(piece)) {
        String data = legacyData(event.raw());
        if (data == null || !data.startsWith("{")) {
          continue;
        }
        JsonObject chunk = new JsonObject(data);
        if (chunk.getValue("choices") instanceof JsonArray choices) {
          choices.forEach(c -> Texts.appendChoice(text, (JsonObject) c));
        }
        if (chunk.getValue("usage") instanceof JsonObject reported) {
          usage = OpenAiUsage.parse(reported);
        }
      }
    }
    bh.consume(text);
    return usage;
  }

  /** The relay's read of a complete (non-stream) response. */
  @Benchmark
  public Object responseScan() {
    return OpenAiFields.read(response, new StringBuilder());
  }

  /** The earlier read of a complete response: a JSON tree. */
  @Benchmark
  public Object responseScanTree() {
    JsonObject json = new JsonObject(response);
    StringBuilder text = new StringBuilder();
    json.getJsonArray("choices").forEach(c -> Texts.appendChoice(text, (JsonObject) c));
    return OpenAiUsage.parse(json.getJsonObject("usage"));
  }

  private static String legacyData(Buffer raw) {
    StringBuilder data = null;
    for (String line : raw.toString(StandardCharsets.UTF_8).split("\r?\n")) {
      if (line.startsWith("data:")) {
        String value = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    return data == null ? null : data.toString();
  }
}
