package org.aigateway.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionalPriceTest {

  private static PriceCondition input(long min, long max) {
    return new PriceCondition(min, max, 0, 0, 0, 0);
  }

  private static ConditionalPrice priced(PriceCondition condition) {
    return new ConditionalPrice(condition, Price.FREE);
  }

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("adjacent input tiers", input(0, 32000), input(32001, 0), false),
        Arguments.of("input tiers sharing a bound", input(0, 32000), input(32000, 0), true),
        Arguments.of("an input tier and an output tier (a long prompt with a long answer matches both)",
            input(1000, 0), new PriceCondition(0, 0, 1000, 0, 0, 0), true),
        Arguments.of("disjoint time windows", new PriceCondition(0, 0, 0, 0, 100, 199),
            new PriceCondition(0, 0, 0, 0, 200, 300), false),
        Arguments.of("two windows open to the future", new PriceCondition(0, 0, 0, 0, 100, 0),
            new PriceCondition(0, 0, 0, 0, 500, 0), true),
        Arguments.of("a window ending before an open one starts", new PriceCondition(0, 0, 0, 0, 0, 499),
            new PriceCondition(0, 0, 0, 0, 500, 0), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  @DisplayName("Two conditions with the same number of bounds overlap exactly when some call matches both")
  void overlaps(String name, PriceCondition a, PriceCondition b, boolean overlapping) {
    assertThat(a.specificity()).isEqualTo(b.specificity());
    assertThat(a.overlaps(b)).isEqualTo(overlapping);
    assertThat(ConditionalPrice.overlap(List.of(priced(a), priced(b))).isPresent()).isEqualTo(overlapping);
  }

  @Test
  @DisplayName("Overlapping conditions of different specificity are allowed: the more specific one wins")
  void differentSpecificity() {
    List<ConditionalPrice> prices = List.of(priced(input(1000, 0)), priced(new PriceCondition(1000, 0, 500, 0, 0, 0)));

    assertThat(ConditionalPrice.overlap(prices)).isEmpty();
    Price price = new Price(BigDecimal.ZERO, UnitPrice.NONE, UnitPrice.NONE, UnitPrice.NONE,
        UnitPrice.NONE, UnitPrice.NONE, UnitPrice.NONE, UnitPrice.NONE, UnitPrice.NONE, UnitPrice.NONE, prices);
    assertThat(price.select(PricingTest.tokens(2000, 600), 0)).isSameAs(prices.get(1).price());
    assertThat(price.select(PricingTest.tokens(2000, 100), 0)).isSameAs(prices.get(0).price());
    assertThat(price.select(PricingTest.tokens(999, 600), 0)).isSameAs(price);
  }

  @Test
  @DisplayName("A minimum above its maximum, or a start after its end, is reported")
  void problems() {
    assertThat(input(10, 5).problem()).contains("input_token_min must not be greater than input_token_max");
    assertThat(new PriceCondition(0, 0, 9, 3, 0, 0).problem()).isPresent();
    assertThat(new PriceCondition(0, 0, 0, 0, 50, 10).problem()).contains("start_time must not be later than end_time");
    assertThat(input(5, 0).problem()).isEmpty();
  }
}
