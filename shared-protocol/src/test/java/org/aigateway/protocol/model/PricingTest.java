package org.aigateway.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The amount formula against hand-computed amounts: each row is usage × price × status (× time). */
class PricingTest {

  static final long T0 = 1_760_000_000_000L;
  private static final long T0_S = T0 / 1000;
  private static final String TIERS = "{'input_price':0.001,'output_price':0.002,'conditional_prices':["
      + "{'condition':{'input_token_min':32001},'price':{'input_price':0.002,'output_price':0.004}},"
      + "{'condition':{'input_token_min':32001,'output_token_min':1000},'price':{'input_price':0.003,'output_price':0.006}},"
      + "{'condition':{'input_token_max':32000,'start_time':" + (T0_S - 60) + ",'end_time':" + (T0_S + 60) + "},"
      + "'price':{'input_price':0.0005,'output_price':0.001}}]}";

  /** input, output, cached, cache creation, reasoning, image input, audio input, image output, web searches. */
  static Usage usage(long in, long out, long cached, long creation, long reasoning, long imageIn, long audioIn,
                     long imageOut, long searches) {
    return new Usage(in, out, cached, creation, reasoning, in + out, imageIn, audioIn, imageOut, searches);
  }

  static Usage tokens(long in, long out) {
    return usage(in, out, 0, 0, 0, 0, 0, 0, 0);
  }

  static Price price(String json) {
    return Price.fromJson(new JsonObject(json.replace('\'', '"')));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("plain input and output per 1K tokens", tokens(1000, 500), "{'input_price':0.002,'output_price':0.006}",
            200, T0, "input=0.002 output=0.003 total=0.005"),
        row("cached tokens without a cached price are billed as input", usage(1000, 0, 400, 0, 0, 0, 0, 0, 0),
            "{'input_price':0.002}", 200, T0, "input=0.002 total=0.002"),
        row("cached tokens at the cached price", usage(1000, 0, 400, 0, 0, 0, 0, 0, 0),
            "{'input_price':0.002,'cached_price':0.0005}", 200, T0, "input=0.0012 cached=0.0002 total=0.0014"),
        row("cache-creation and cached tokens at their prices", usage(1000, 0, 300, 200, 0, 0, 0, 0, 0),
            "{'input_price':0.003,'cached_price':0.0003,'cache_creation_price':0.00375}", 200, T0,
            "input=0.0015 cached=0.00009 cache_creation=0.00075 total=0.00234"),
        row("cache-creation tokens without their price are billed as input", usage(1000, 0, 300, 200, 0, 0, 0, 0, 0),
            "{'input_price':0.003,'cached_price':0.0003}", 200, T0, "input=0.0021 cached=0.00009 total=0.00219"),
        row("a reasoning call pays the thinking-mode output price", usage(100, 1000, 0, 0, 800, 0, 0, 0, 0),
            "{'input_price':0.001,'output_price':0.004,'thinking_mode_output_price':0.01}", 200, T0,
            "input=0.0001 output=0.01 total=0.0101"),
        row("a reasoning call without a thinking-mode price pays the output price", usage(100, 1000, 0, 0, 800, 0, 0, 0, 0),
            "{'input_price':0.001,'output_price':0.004}", 200, T0, "input=0.0001 output=0.004 total=0.0041"),
        row("a call that did not reason ignores the thinking-mode price", tokens(100, 1000),
            "{'input_price':0.001,'output_price':0.004,'thinking_mode_output_price':0.01}", 200, T0,
            "input=0.0001 output=0.004 total=0.0041"),
        row("a per-request price is the whole amount of a success", tokens(1000, 1000),
            "{'per_request_price':0.05,'input_price':0.002}", 200, T0, "per_request=0.05 total=0.05"),
        row("a per-request price charges nothing for a failure", tokens(1000, 1000),
            "{'per_request_price':0.05,'input_price':0.002}", 500, T0, "total=0"),
        row("token prices charge the tokens of a failed call", tokens(100, 50),
            "{'input_price':0.002,'output_price':0.006}", 500, T0, "input=0.0002 output=0.0003 total=0.0005"),
        row("image input tokens at their price", usage(1500, 100, 0, 0, 0, 1000, 0, 0, 0),
            "{'input_price':0.001,'image_input_price':0.005,'output_price':0.002}", 200, T0,
            "input=0.0005 image_input=0.005 output=0.0002 total=0.0057"),
        row("image input tokens without their price are billed as input", usage(1500, 100, 0, 0, 0, 1000, 0, 0, 0),
            "{'input_price':0.001,'output_price':0.002}", 200, T0, "input=0.0015 output=0.0002 total=0.0017"),
        row("audio input tokens at their price", usage(2000, 0, 0, 0, 0, 0, 1500, 0, 0),
            "{'input_price':0.001,'audio_input_price':0.04}", 200, T0, "input=0.0005 audio_input=0.06 total=0.0605"),
        row("image output tokens at their price", usage(0, 4200, 0, 0, 0, 0, 0, 4000, 0),
            "{'output_price':0.002,'image_output_price':0.04}", 200, T0, "output=0.0004 image_output=0.16 total=0.1604"),
        row("web searches per 1K searches", usage(100, 0, 0, 0, 0, 0, 0, 0, 3),
            "{'input_price':0.001,'web_search_price':10}", 200, T0, "input=0.0001 web_search=0.03 total=0.0301"),
        row("prices per 1M tokens", tokens(1500, 300),
            "{'input_price':2.5,'input_price_unit':1000000,'output_price':10,'output_price_unit':1000000}", 200, T0,
            "input=0.00375 output=0.003 total=0.00675"),
        row("a price per single token", tokens(1500, 0), "{'input_price':0.000002,'input_price_unit':1}", 200, T0,
            "input=0.003 total=0.003"),
        row("more cached tokens than input tokens bill no negative input", usage(100, 0, 300, 0, 0, 0, 0, 0, 0),
            "{'input_price':0.001,'cached_price':0.0005}", 200, T0, "cached=0.00015 total=0.00015"),
        row("a long prompt pays the input tier", tokens(40000, 500), TIERS, 200, T0 + 86_400_000,
            "input=0.08 output=0.002 total=0.082"),
        row("a prompt at the tier's bound pays the base price", tokens(32000, 500), TIERS, 200, T0 + 86_400_000,
            "input=0.032 output=0.001 total=0.033"),
        row("the most specific matching tier wins", tokens(40000, 2000), TIERS, 200, T0 + 86_400_000,
            "input=0.12 output=0.012 total=0.132"),
        row("a time-bounded price applies inside its window", tokens(1000, 1000), TIERS, 200, T0,
            "input=0.0005 output=0.001 total=0.0015"),
        row("a time-bounded price does not apply after its window", tokens(1000, 1000), TIERS, 200, T0 + 61_000,
            "input=0.001 output=0.002 total=0.003"));
  }

  private static Arguments row(String name, Usage usage, String price, int status, long at, String expected) {
    return Arguments.of(name, usage, price(price), status, at, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("The amount of each usage × price × status case is the hand-computed one, component by component")
  void amounts(String name, Usage usage, Price price, int status, long at, String expected) {
    Amount amount = Pricing.amount(usage, price, status, at);

    assertThat(components(amount)).isEqualTo(expected(expected));
  }

  /** The non-zero components of an amount (and the total), named without the {@code _amount} suffix. */
  static Map<String, BigDecimal> components(Amount amount) {
    Map<String, BigDecimal> parts = new TreeMap<>();
    amount.toJson().forEach(entry -> {
      String name = entry.getKey().equals("used_amount") ? "total" : entry.getKey().replace("_amount", "");
      BigDecimal value = new BigDecimal((String) entry.getValue());
      if (value.signum() != 0 || name.equals("total")) {
        parts.put(name, value);
      }
    });
    return parts;
  }

  private static Map<String, BigDecimal> expected(String text) {
    Map<String, BigDecimal> parts = new TreeMap<>();
    for (String part : text.split(" ")) {
      String[] pair = part.split("=");
      parts.put(pair[0], new BigDecimal(pair[1]));
    }
    return parts;
  }
}
