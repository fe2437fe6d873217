package org.aigateway.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Request parsing as {@code RequestParser} does it for every call: one JSON parse of the body, then
 * the model, the stream flag and {@code stream_options.include_usage}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RequestParsingBenchmark {

  private final Buffer chat = Fixtures.resource("request-json.json");
  private final Buffer stream = Fixtures.resource("request-sse.json");

  @Benchmark
  public void chatRequest(Blackhole bh) {
    parse(chat, bh);
  }

  @Benchmark
  public void streamRequest(Blackhole bh) {
    parse(stream, bh);
  }

  private static void parse(Buffer raw, Blackhole bh) {
    JsonObject body = new JsonObject(raw);
    bh.consume(body.getValue("model") instanceof String model && !model.isBlank() ? model : null);
    boolean streamed = Boolean.TRUE.equals(body.getValue("stream"));
    bh.consume(streamed && body.getValue("stream_options") instanceof JsonObject options
        && Boolean.TRUE.equals(options.getValue("include_usage")));
  }
}
