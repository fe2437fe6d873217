package org.aigateway.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PricingPropertiesTest {

  private static final String[] PRICE_FIELDS = {"input_price", "output_price", "cached_price", "cache_creation_price",
      "image_input_price", "audio_input_price", "image_output_price", "thinking_mode_output_price", "web_search_price"};

  @Test
  @DisplayName("The amount depends only on the usage, price and status values: copies decoded from bus text and "
      + "prices written with other scales cost the same")
  void dependsOnlyOnValues() {
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      Usage usage = randomUsage(random);
      JsonObject priceJson = randomPrice(random);
      int status = random.nextBoolean() ? 200 : 500;
      Amount amount = Pricing.amount(usage, Price.fromJson(priceJson), status, PricingTest.T0);

      Usage usageCopy = Usage.fromJson(new JsonObject(usage.toJson().encode()));
      Price rescaled = Price.fromJson(rescaled(priceJson));
      Price viaBus = Price.fromJson(new JsonObject(Price.fromJson(priceJson).toJson().encode()));

      assertThat(Pricing.amount(usageCopy, rescaled, status, PricingTest.T0)).isEqualTo(amount);
      assertThat(Pricing.amount(usageCopy, viaBus, status, PricingTest.T0)).isEqualTo(amount);
      assertThat(Amount.fromJson(new JsonObject(amount.toJson().encode()))).isEqualTo(amount);
      assertThat(amount.total()).isEqualByComparingTo(sumOfComponents(amount));
    }
  }

  @Test
  @DisplayName("Without time-bounded prices the time of the call does not change its amount")
  void timeOnlyMattersForTimeBoundedPrices() {
    Price price = PricingTest.price("{'input_price':0.001,'output_price':0.002,'conditional_prices':"
        + "[{'condition':{'input_token_min':1000},'price':{'input_price':0.01}}]}");
    Usage usage = PricingTest.tokens(5000, 300);

    assertThat(Pricing.amount(usage, price, 200, 0)).isEqualTo(Pricing.amount(usage, price, 200, PricingTest.T0))
        .isEqualTo(Pricing.amount(usage, price, 200));
  }

  @Test
  @DisplayName("Prices with more digits than a double holds survive the bus text exactly; the admin form has numbers")
  void exactPrices() {
    Price price = Price.fromJson(new JsonObject().put("input_price", "0.000000000000000000123456789012345")
        .put("output_price", "12345678901234567890.5").put("web_search_price_unit", 1));

    Price decoded = Price.fromJson(new JsonObject(price.toJson().encode()));

    assertThat(decoded).isEqualTo(price);
    assertThat(decoded.input().price().toPlainString()).isEqualTo("0.000000000000000000123456789012345");
    assertThat(price.toJson().getValue("input_price")).isInstanceOf(String.class);
    assertThat(price.toJson().containsKey("cached_price")).as("unset prices are left out").isFalse();
    JsonObject api = price.toApiJson();
    assertThat(api.getValue("output_price")).isInstanceOf(Number.class);
    assertThat(api.getJsonArray("conditional_prices")).isEmpty();
    assertThat(Price.fromJson(new JsonObject().put("input_price", 0.5))).isEqualTo(
        Price.fromJson(new JsonObject().put("input_price", "0.50")));
  }

  private static Usage randomUsage(Random random) {
    long in = random.nextInt(200_000);
    long out = random.nextInt(20_000);
    return new Usage(in, out, random.nextInt((int) in + 1), random.nextInt((int) in / 4 + 1),
        random.nextBoolean() ? random.nextInt((int) out + 1) : 0, in + out, random.nextInt((int) in / 2 + 1),
        random.nextInt((int) in / 3 + 1), random.nextInt((int) out + 1), random.nextInt(5));
  }

  private static JsonObject randomPrice(Random random) {
    JsonObject json = new JsonObject();
    for (String field : PRICE_FIELDS) {
      if (random.nextInt(3) > 0) {
        json.put(field, BigDecimal.valueOf(random.nextInt(100_000), 6).toPlainString());
      }
      if (random.nextInt(4) == 0) {
        json.put(field + "_unit", List.of(1, 1000, 1_000_000).get(random.nextInt(3)));
      }
    }
    if (random.nextInt(10) == 0) {
      json.put("per_request_price", "0.0" + (1 + random.nextInt(9)));
    }
    return json;
  }

  /** The same prices with two more trailing zeros each. */
  private static JsonObject rescaled(JsonObject json) {
    JsonObject copy = json.copy();
    for (String field : PRICE_FIELDS) {
      if (copy.getValue(field) instanceof String text) {
        copy.put(field, new BigDecimal(text).setScale(new BigDecimal(text).scale() + 2).toPlainString());
      }
    }
    return copy;
  }

  private static BigDecimal sumOfComponents(Amount a) {
    return a.input().add(a.imageInput()).add(a.audioInput()).add(a.cached()).add(a.cacheCreation()).add(a.output())
        .add(a.imageOutput()).add(a.webSearch()).add(a.perRequest());
  }
}
