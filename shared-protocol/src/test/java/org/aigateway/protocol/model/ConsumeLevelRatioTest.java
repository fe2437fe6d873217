package org.aigateway.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsumeLevelRatioTest {

  private static final ConsumeLevelRatio LEVELS = ConsumeLevelRatio.parse(
      new JsonObject("{\"1\": 1, \"2\": 0.9, \"3\": 0.8, \"10\": 0}"));

  @Test
  @DisplayName("The ratio of the highest level at or below the group's spend applies; below every level it is 1")
  void highestLevelAtOrBelow() {
    assertThat(LEVELS.ratio(new BigDecimal("0.5"))).isEqualTo(1.0);
    assertThat(LEVELS.ratio(new BigDecimal("2"))).isEqualTo(0.9);
    assertThat(LEVELS.ratio(new BigDecimal("2.999999"))).isEqualTo(0.9);
    assertThat(LEVELS.ratio(new BigDecimal("3"))).isEqualTo(0.8);
    assertThat(LEVELS.ratio(new BigDecimal("12")))
        .as("a ratio of zero or less counts as 1").isEqualTo(1.0);
    assertThat(ConsumeLevelRatio.NONE.ratio(new BigDecimal("1000"))).isEqualTo(1.0);
  }

  @Test
  @DisplayName("An effective limit is base × group ratio × level ratio, rounded down, at least 1; 0 stays unlimited")
  void effectiveLimit() {
    assertThat(ConsumeLevelRatio.effectiveLimit(100, 2, 0.8)).isEqualTo(160);
    assertThat(ConsumeLevelRatio.effectiveLimit(100, 0, 0.95)).isEqualTo(95);
    assertThat(ConsumeLevelRatio.effectiveLimit(3, 0.1, 1)).isEqualTo(1);
    assertThat(ConsumeLevelRatio.effectiveLimit(0, 5, 5)).isZero();
  }

  @Test
  @DisplayName("A level that is not a number, or a ratio that is not a number, is refused")
  void invalid() {
    assertThatThrownBy(() -> ConsumeLevelRatio.parse(new JsonObject().put("one", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level 'one'");
    assertThatThrownBy(() -> ConsumeLevelRatio.parse(new JsonObject().put("1", "half")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio");
  }
}
