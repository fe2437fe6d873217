package org.aigateway.bench;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.aigateway.protocol.model.Amount;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.Usage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@link Pricing#amount}, computed once per relayed request for its usage event. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PricingBenchmark {

  private final Price price = Price.perThousand(new BigDecimal("0.00015"), new BigDecimal("0.0006"));
  private final Usage usage = Usage.of(32, 14);

  @Benchmark
  public Amount inputAndOutput() {
    return Pricing.amount(usage, price, 200);
  }
}
