package org.aigateway.bench;

import java.util.concurrent.TimeUnit;
import org.aigateway.relay.convert.think.ThinkSplitter;
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
 * Streaming {@code <think>} splitting of one answer (reasoning block, then content) as it arrives
 * in stream deltas of a few characters each.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ThinkSplitBenchmark {

  private final String[] deltas = deltas("<think>\nThe user wants one short sentence about the sea. Keep it "
      + "under twenty words and make it calm.\n</think>\n\nThe sea hums an endless blue song to the patient shore.", 5);

  private static String[] deltas(String text, int size) {
    String[] out = new String[(text.length() + size - 1) / size];
    for (int i = 0; i < out.length; i++) {
      out[i] = text.substring(i * size, Math.min(text.length(), (i + 1) * size));
    }
    return out;
  }

  /** One whole answer: every delta, then the end of the stream. */
  @Benchmark
  public void answerInDeltas(Blackhole bh) {
    ThinkSplitter splitter = new ThinkSplitter();
    for (String delta : deltas) {
      bh.consume(splitter.feed(delta));
    }
    bh.consume(splitter.finish());
  }
}
