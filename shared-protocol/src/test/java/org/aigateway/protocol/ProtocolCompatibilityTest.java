package org.aigateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.aigateway.protocol.command.BalanceQuery;
import org.aigateway.protocol.command.BalanceSnapshot;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.event.ConfigChanged.Op;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Amount;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.GroupModelConfig;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Token;
import org.aigateway.protocol.model.TokenBalance;
import org.aigateway.protocol.model.Usage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** New fields and records of issue 5 round-trip, and bodies of the first schema still decode. */
class ProtocolCompatibilityTest {

  /** A usage event as the first schema wrote it: no image/audio/web-search usage, no new amounts, no token period. */
  private static final String V1_EVENT = """
      {"v":1,"request_id":"r1","request_at":1760000000000,"group_id":"g","token_id":3,"model":"m","status":200,
       "usage":{"input_tokens":10,"output_tokens":5,"cached_tokens":2,"cache_creation_tokens":0,
                "reasoning_tokens":0,"total_tokens":15},
       "price":{"per_request_price":0,"input_price":0.002,"input_price_unit":0,"output_price":0.006,
                "output_price_unit":0,"cached_price":0,"cached_price_unit":0,"cache_creation_price":0,
                "cache_creation_price_unit":0},
       "amount":{"input_amount":"0.00002","cached_amount":"0","cache_creation_amount":"0","output_amount":"0.00003",
                 "per_request_amount":"0","used_amount":"0.00005"},"attempts":[]}""";

  @Test
  @DisplayName("A usage event of the first schema decodes: new usage and amount fields are zero, the period unknown")
  void firstSchemaEvent() {
    RelayCompleted event = RelayCompleted.fromJson(new JsonObject(V1_EVENT));

    assertThat(event.usage()).isEqualTo(new Usage(10, 5, 2, 0, 0, 15));
    assertThat(event.usage().imageInputTokens()).isZero();
    assertThat(event.price()).isEqualTo(Price.perThousand(new BigDecimal("0.002"), new BigDecimal("0.006")));
    assertThat(event.amount()).isEqualTo(new Amount(new BigDecimal("0.00002"), BigDecimal.ZERO, BigDecimal.ZERO,
        new BigDecimal("0.00003"), BigDecimal.ZERO, new BigDecimal("0.00005")));
    assertThat(event.tokenPeriodType()).isNull();
    assertThat(event.tokenPeriodAnchor()).isZero();
  }

  @Test
  @DisplayName("A usage event with the new fields round-trips through the bus text")
  void newFields() {
    RelayCompleted event = RelayCompleted.fromJson(new JsonObject(V1_EVENT)
        .put("usage", new Usage(10, 5, 2, 1, 3, 15, 4, 2, 1, 2).toJson())
        .put("token_period_type", "weekly").put("token_period_anchor", 1_700_000_000_000L));

    RelayCompleted decoded = RelayCompleted.fromJson(new JsonObject(event.toJson().encode()));

    assertThat(decoded).isEqualTo(event);
    assertThat(decoded.usage().webSearchCount()).isEqualTo(2);
    assertThat(decoded.tokenPeriodType()).isEqualTo("weekly");
  }

  @Test
  @DisplayName("Balance events, queries and snapshots round-trip through the bus text, decimals exactly")
  void balanceContracts() {
    TokenBalance token = new TokenBalance(42, "g", new BigDecimal("12345678901234567890.000000000000000000001"), 7,
        "daily", 1_760_000_000_000L, new BigDecimal("0.1"));
    GroupBalance group = new GroupBalance("g", new BigDecimal("0.3"), 9);
    BalanceChanged changed = new BalanceChanged(List.of(token), List.of(group), 1_760_000_000_123L);
    BalanceQuery query = new BalanceQuery(41, "f", 2);
    BalanceSnapshot page = new BalanceSnapshot(List.of(token), List.of(group), true, false, 5);

    assertThat(BalanceChanged.fromJson(new JsonObject(changed.toJson().encode()))).isEqualTo(changed);
    assertThat(BalanceQuery.fromJson(new JsonObject(query.toJson().encode()))).isEqualTo(query);
    assertThat(BalanceSnapshot.fromJson(new JsonObject(page.toJson().encode()))).isEqualTo(page);
    assertThat(page.next(query)).contains(new BalanceQuery(42, "g", 2));
    assertThat(new BalanceSnapshot(List.of(), List.of(), false, false, 5).next(query)).isEmpty();
  }

  @Test
  @DisplayName("Config-changed events of every kind decode, the group model config kind included")
  void configKinds() {
    for (Kind kind : Kind.values()) {
      ConfigChanged event = new ConfigChanged(kind, "acme/Qwen/Qwen2-7B", Op.UPSERT);
      assertThat(ConfigChanged.fromJson(new JsonObject(event.toJson().encode()))).isEqualTo(event);
    }
    assertThat(ConfigChanged.fromJson(new JsonObject("{\"v\":1,\"kind\":\"TOKEN\",\"id\":\"5\",\"op\":\"DELETE\"}")))
        .isEqualTo(new ConfigChanged(Kind.TOKEN, "5", Op.DELETE));
    assertThat(GroupModelConfig.groupOf("acme/Qwen/Qwen2-7B")).isEqualTo("acme");
    assertThat(GroupModelConfig.modelOf("acme/Qwen/Qwen2-7B")).isEqualTo("Qwen/Qwen2-7B");
  }

  @Test
  @DisplayName("A group model config overrides only what its flags select")
  void groupModelConfigOverrides() {
    ModelConfig base = ModelConfig.fromJson(new JsonObject().put("model", "m").put("type", 1).put("rpm", 60)
        .put("tpm", 1000).put("retry_times", 2).put("price", new JsonObject().put("input_price", "0.002")));
    GroupModelConfig override = GroupModelConfig.fromJson(new JsonObject().put("group_id", "g").put("model", "m")
        .put("override_price", true).put("price", new JsonObject().put("input_price", "0.001"))
        .put("rpm", 5).put("override_retry_times", false).put("retry_times", 9));

    ModelConfig effective = override.applyTo(base);

    assertThat(effective.price().input().price()).isEqualByComparingTo("0.001");
    assertThat(effective.rpm()).as("override_limit is off").isEqualTo(60);
    assertThat(effective.retryTimes()).isEqualTo(2);
    assertThat(GroupModelConfig.fromJson(new JsonObject(override.toJson().encode()))).isEqualTo(override);
  }

  @Test
  @DisplayName("A token's rpm and tpm round-trip, and a token without them decodes as unlimited")
  void tokenLimits() {
    Token limited = new Token(5, "k", "n", "g", List.of(), List.of("m"), 1, BigDecimal.ONE, BigDecimal.ZERO,
        "monthly", 1_760_000_000_000L, 3, 4000);
    JsonObject old = limited.toJson();
    old.remove("rpm");
    old.remove("tpm");

    assertThat(Token.fromJson(new JsonObject(limited.toJson().encode()))).isEqualTo(limited);
    assertThat(Token.fromJson(old)).isEqualTo(new Token(5, "k", "n", "g", List.of(), List.of("m"), 1,
        BigDecimal.ONE, BigDecimal.ZERO, "monthly", 1_760_000_000_000L));
    assertThat(Token.fromJson(old).rpm()).isZero();
  }
}
