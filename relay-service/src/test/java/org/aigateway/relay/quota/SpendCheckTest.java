package org.aigateway.relay.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.QuotaPeriod;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Token;
import org.aigateway.protocol.model.TokenBalance;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.usage.PromptEstimator;
import org.aigateway.relay.usage.PromptTokens;
import org.aigateway.relay.usage.TokenCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Quotas and balances refuse a request that has nothing, or not enough for its estimate, left to spend")
class SpendCheckTest {

  private static final long NOW = 1_750_000_000_000L;
  private static final long DAY = 24L * 60 * 60 * 1000;
  private static final PromptEstimator PROMPTS = new PromptEstimator(new TokenCounter());
  /** 0.15 per 1K input tokens, 0.6 per 1K output tokens. */
  private static final ModelConfig PRICED = config(Price.perThousand(new BigDecimal("0.15"), new BigDecimal("0.6")));

  private static Vertx vertx;
  private BalanceBook book;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close();
  }

  @BeforeEach
  void emptyBook() {
    book = new BalanceBook(vertx, 60_000);
  }

  @Test
  @DisplayName("A key is refused with 429 insufficient_quota once its total quota is spent, and admitted below it")
  void totalQuota() {
    Token token = token("1", "0", "monthly");
    spent(token, "0.5", "0");
    assertThatCode(() -> check(token, group(null, Status.ENABLED), request(5), PRICED, NOW)).doesNotThrowAnyException();

    spent(token, "1", "0");
    RelayException refused = refusal(token, group(null, Status.ENABLED), request(5), PRICED, NOW);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("insufficient_quota");
    assertThat(refused.type()).isEqualTo("insufficient_quota");
    assertThat(refused.getMessage()).contains("total quota");
  }

  @Test
  @DisplayName("A spent daily quota refuses until the next UTC day, whose spend starts from zero")
  void periodQuota() {
    Token token = token("0", "0.5", "daily");
    spent(token, "7", "0.5");

    RelayException refused = refusal(token, group(null, Status.ENABLED), request(5), PRICED, NOW);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.getMessage()).contains("daily quota").contains("2025-06-16T00:00:00Z");
    assertThatCode(() -> check(token, group(null, Status.ENABLED), request(5), PRICED, NOW + DAY))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("A group whose balance is spent is refused with 402 group_balance_not_enough; a group without a balance never is")
  void groupBalance() {
    Token token = token("0", "0", "monthly");
    book.apply(new BalanceChanged(List.of(), List.of(new GroupBalance("g", new BigDecimal("2"), 9)), NOW));

    RelayException refused = refusal(token, group("2", Status.ENABLED), request(5), PRICED, NOW);
    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.code()).isEqualTo("group_balance_not_enough");
    assertThatCode(() -> check(token, group(null, Status.ENABLED), request(5), PRICED, NOW)).doesNotThrowAnyException();
    assertThatCode(() -> check(token, group("2", Status.INTERNAL), request(5), PRICED, NOW))
        .as("groups of status internal have no balance check").doesNotThrowAnyException();
  }

  @Test
  @DisplayName("A request whose estimated cost exceeds what is left is refused, while a smaller one still fits")
  void estimate() {
    Token token = token("0", "0", "monthly");
    book.apply(new BalanceChanged(List.of(), List.of(new GroupBalance("g", new BigDecimal("0.99"), 9)), NOW));
    Group group = group("1", Status.ENABLED);
    long input = estimate(request(5), PRICED, 0).inputTokens();
    assertThat(input).isPositive();

    // 100 output tokens cost 0.06, more than the 0.01 left.
    RelayException refused = refusal(token, group, request(100), PRICED, NOW);
    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.getMessage()).contains("0.01 left");
    assertThatCode(() -> check(token, group, request(5), PRICED, NOW)).doesNotThrowAnyException();

    Token quota = token("1", "0", "monthly");
    spent(quota, "0.99", "0");
    assertThat(refusal(quota, group(null, Status.ENABLED), request(100), PRICED, NOW).status()).isEqualTo(429);
  }

  @Test
  @DisplayName("Without an output limit in the request, the configured allowance is priced as its output")
  void outputAllowance() {
    CostEstimate withoutLimit = estimate(request(0), PRICED, 1_000);
    CostEstimate withLimit = estimate(request(10), PRICED, 1_000);
    assertThat(withoutLimit.outputTokens()).isEqualTo(1_000);
    assertThat(withLimit.outputTokens()).isEqualTo(10);
    BigDecimal inputCost = new BigDecimal("0.15").multiply(BigDecimal.valueOf(withoutLimit.inputTokens()))
        .divide(BigDecimal.valueOf(1000));
    assertThat(withoutLimit.amount()).isEqualByComparingTo(inputCost.add(new BigDecimal("0.6")));
    assertThat(estimate(request(0), config(Price.FREE), 1_000).amount()).isZero();
  }

  @Test
  @DisplayName("GROUP_MIN_BALANCE refuses a group with less left even for a free request")
  void minimumBalance() {
    SpendCheck strict = new SpendCheck(book, new BigDecimal("0.3"));
    book.apply(new BalanceChanged(List.of(), List.of(new GroupBalance("g", new BigDecimal("0.8"), 9)), NOW));
    CostEstimate free = estimate(request(5), config(Price.FREE), 0);

    RelayException refused = catchThrowableOfType(
        () -> strict.check(token("0", "0", "monthly"), group("1", Status.ENABLED), free, NOW), RelayException.class);
    assertThat(refused.status()).isEqualTo(402);
    assertThatCode(() -> strict.check(token("0", "0", "monthly"), group("1.1", Status.ENABLED), free, NOW))
        .doesNotThrowAnyException();
  }

  private static CostEstimate estimate(RelayRequest request, ModelConfig config, long outputAllowance) {
    return new CostEstimate(new PromptTokens(PROMPTS, request), request, config, outputAllowance);
  }

  private void check(Token token, Group group, RelayRequest request, ModelConfig config, long now) {
    new SpendCheck(book, BigDecimal.ZERO).check(token, group, estimate(request, config, 0), now);
  }

  private RelayException refusal(Token token, Group group, RelayRequest request, ModelConfig config, long now) {
    RelayException refused = catchThrowableOfType(() -> check(token, group, request, config, now),
        RelayException.class);
    assertThat(refused).as("a refusal").isNotNull();
    return refused;
  }

  private void spent(Token token, String total, String inPeriod) {
    QuotaPeriod period = QuotaPeriod.of(token.periodType());
    long count = book.token(token.id()) == null ? 1 : book.token(token.id()).requestCount() + 1;
    book.apply(new BalanceChanged(List.of(new TokenBalance(token.id(), "g", new BigDecimal(total), count,
        period.type(), period.start(token.createdAt(), NOW), new BigDecimal(inPeriod))), List.of(), NOW));
  }

  private static Token token(String quota, String periodQuota, String periodType) {
    return new Token(7, "key", "app", "g", List.of(), List.of(), Status.ENABLED, new BigDecimal(quota),
        new BigDecimal(periodQuota), periodType, NOW - 30 * DAY);
  }

  private static Group group(String balance, int status) {
    return new Group("g", status, 1, 1, List.of("default"), false, BigDecimal.ZERO, 0,
        balance == null ? null : new BigDecimal(balance));
  }

  private static ModelConfig config(Price price) {
    return new ModelConfig("gpt-4o-mini", "openai", 1, 0, 0, 0, new JsonObject(), price, new JsonObject(),
        new JsonObject(), 0, 0);
  }

  private static RelayRequest request(int maxTokens) {
    JsonObject body = new JsonObject().put("model", "gpt-4o-mini")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "Say hello")));
    if (maxTokens > 0) {
      body.put("max_tokens", maxTokens);
    }
    return new RelayRequest("r", NOW, 0, "/v1/chat/completions", "/chat/completions", Mode.CHAT_COMPLETIONS,
        "gpt-4o-mini", body, Buffer.buffer(body.encode()), false, false, "127.0.0.1");
  }
}
