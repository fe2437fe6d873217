package org.aigateway.admin.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogQueryParserTest {

  @ParameterizedTest(name = "{0} -> {1} ms")
  @CsvSource({
      "1700000000, 1700000000000",
      "1700000000123, 1700000000123",
      "1700000000123456, 1700000000123",
      "1700000000123456789, 1700000000123",
      "86400, 86400000"})
  @DisplayName("Timestamps in seconds, milliseconds, microseconds and nanoseconds are told apart by digit count")
  void timestampUnits(String raw, long expectedMs) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap().add("end_timestamp", raw);
    assertThat(LogQueryParser.timestamp(params, "end_timestamp", -1)).isEqualTo(expectedMs);
  }
}
