package org.aigateway.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aigateway.protocol.command.LogPage;
import org.aigateway.protocol.command.LogQuery;
import org.aigateway.protocol.command.Spend;
import org.aigateway.protocol.command.SpendQuery;
import org.aigateway.protocol.command.SpendReport;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.protocol.model.Amount;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Usage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bus contracts of shared-protocol survive encoding: in memory (local bus) and as JSON text (clustered bus). */
class ProtocolRoundTripTest {

  private static final RelayCompleted FULL = new RelayCompleted("req-1", 1_760_000_000_123L, 85, 1200, "g1", 42L,
      "tok", 3, "gpt-4o", "gpt-4o-2024", 1, "/v1/chat/completions", 502, true, "10.1.2.3", "chatcmpl-9",
      new Usage(1000, 200, 300, 50, 120, 1200), true, true,
      Price.fromJson(new JsonObject().put("input_price", "0.0025").put("input_price_unit", 1000)
          .put("output_price", 0.01).put("cached_price", "0.00125").put("cached_price_unit", 1000)
          .put("cache_creation_price", "0.003").put("cache_creation_price_unit", 1000)),
      new Amount(new BigDecimal("0.0015"), new BigDecimal("0.000375"), new BigDecimal("0.00015"),
          new BigDecimal("0.002"), BigDecimal.ZERO, new BigDecimal("0.000000000000000000000000000001")),
      "upstream failed", List.of(new Attempt(2, 500, 1_760_000_000_200L, 300, "boom"),
          new Attempt(3, 502, 1_760_000_000_600L, 400, null)), "{\"model\":\"gpt-4o\"}", "{\"error\":{}}");

  private static final RelayCompleted MINIMAL = new RelayCompleted("req-2", 0, 0, 0, "g1", 0, null, 0, "m", null, 0,
      null, 200, false, null, null, Usage.ZERO, false, false, Price.FREE, Amount.ZERO, null, List.of(), null, null);

  private static final LogQuery ALL_FILTERS = new LogQuery("g1", "gpt-4o", 42L, "tok", 3, 500, "error", "req-1",
      1_700_000_000_000L, 1_800_000_000_000L, 3, 50, true);

  private static final LogQuery NO_FILTERS = new LogQuery(null, null, null, null, null, null, "all", null, 0, 0, 1,
      10, false);

  private static final SpendReport REPORT = new SpendReport(
      Map.of(42L, new Spend(new BigDecimal("12345678901234567890.000000000000000000000000000001"), 7)),
      Map.of("g1", new Spend(new BigDecimal("0.3"), 2), "g2", Spend.NONE));

  @Test
  @DisplayName("RelayCompleted and UsageBatch round-trip with every field, null bodies included")
  void usageEvents() {
    assertThat(RelayCompleted.fromJson(FULL.toJson())).isEqualTo(FULL);
    assertThat(RelayCompleted.fromJson(MINIMAL.toJson())).isEqualTo(MINIMAL);
    UsageBatch batch = new UsageBatch(List.of(FULL, MINIMAL));
    assertThat(UsageBatch.fromJson(batch.toJson())).isEqualTo(batch);
    assertThat(UsageBatch.fromJson(new UsageBatch(List.of()).toJson())).isEqualTo(new UsageBatch(List.of()));
  }

  @Test
  @DisplayName("LogQuery and LogPage round-trip with and without filters")
  void logCommands() {
    assertThat(LogQuery.fromJson(ALL_FILTERS.toJson())).isEqualTo(ALL_FILTERS);
    assertThat(LogQuery.fromJson(NO_FILTERS.toJson())).isEqualTo(NO_FILTERS);
    LogPage page = new LogPage(new JsonArray().add(new JsonObject().put("id", 1).put("request_id", "req-1")
        .put("usage", new JsonObject().put("input_tokens", 10))), 31);
    assertThat(LogPage.fromJson(page.toJson())).isEqualTo(page);
  }

  @Test
  @DisplayName("SpendQuery and SpendReport round-trip, decimals digit for digit")
  void spendCommands() {
    SpendQuery query = new SpendQuery(List.of(1L, 42L, 9_000_000_000L), List.of("g1", "g2"));
    assertThat(SpendQuery.fromJson(query.toJson())).isEqualTo(query);
    assertThat(SpendReport.fromJson(REPORT.toJson())).isEqualTo(REPORT);
  }

  @Test
  @DisplayName("The contracts also survive the JSON text of the clustered bus, amounts exactly")
  void jsonText() {
    assertThat(viaText(new UsageBatch(List.of(FULL, MINIMAL)).toJson(), UsageBatch::fromJson))
        .isEqualTo(new UsageBatch(List.of(FULL, MINIMAL)));
    assertThat(viaText(ALL_FILTERS.toJson(), LogQuery::fromJson)).isEqualTo(ALL_FILTERS);
    assertThat(viaText(new SpendQuery(List.of(9_000_000_000L), List.of("g1")).toJson(), SpendQuery::fromJson))
        .isEqualTo(new SpendQuery(List.of(9_000_000_000L), List.of("g1")));
    assertThat(viaText(REPORT.toJson(), SpendReport::fromJson)).isEqualTo(REPORT);
  }

  @Test
  @DisplayName("A body of a newer schema version is refused rather than misread")
  void refusesNewerVersions() {
    List<Function<JsonObject, ?>> decoders = List.of(UsageBatch::fromJson, RelayCompleted::fromJson,
        LogQuery::fromJson, LogPage::fromJson, SpendQuery::fromJson, SpendReport::fromJson);
    for (Function<JsonObject, ?> decoder : decoders) {
      assertThatThrownBy(() -> decoder.apply(new JsonObject().put("v", 99)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static <T> T viaText(JsonObject json, Function<JsonObject, T> decoder) {
    return decoder.apply(new JsonObject(json.encode()));
  }
}
