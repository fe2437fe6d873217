package org.aigateway.billing;

import static org.aigateway.billing.TestEvents.charge;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BillingVerticleTest {

  @Test
  @DisplayName("A second billing-service started on the same database applies no migration again and works")
  void secondStart(Vertx vertx) {
    BillingFixture fixture = BillingFixture.start(vertx);

    fixture.deploy(new BillingVerticle(), new JsonObject().put("SQL_DSN", fixture.dsn).put("BILLING_PORT", -1));

    assertThat(fixture.count("SELECT count(*) FROM schema_migrations WHERE service = 'billing'"))
        .isEqualTo(BillingVerticle.MIGRATIONS.size());
    fixture.bill(List.of(charge("v-1", "g", 1, "1")));
    fixture.bill(List.of(charge("v-1", "g", 1, "1")));
    assertThat(fixture.spend(List.of(1L), List.of()).token(1).requestCount()).isEqualTo(1);
    fixture.close();
  }

  @Test
  @DisplayName("readyz and healthz answer UP on BILLING_PORT while the database answers")
  void health(Vertx vertx) {
    BillingFixture fixture = BillingFixture.fresh(vertx).deployed(new JsonObject().put("BILLING_PORT", 0));
    WebClient client = WebClient.create(vertx);
    int port = fixture.verticle.httpPort();

    HttpResponse<Buffer> ready = Await.result(client.get(port, "127.0.0.1", "/readyz").send());
    HttpResponse<Buffer> healthy = Await.result(client.get(port, "127.0.0.1", "/healthz").send());

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(healthy.statusCode()).isEqualTo(200);
    fixture.close();
  }

  @Test
  @DisplayName("Without migration and without the tables a batch fails UNAVAILABLE, and is billed once retried")
  void unavailableThenRetried(Vertx vertx) {
    BillingFixture fixture = BillingFixture.fresh(vertx)
        .deployed(new JsonObject().put("BILLING_PORT", -1).put("DISABLE_AUTO_MIGRATE_DB", "true"));
    UsageBatch batch = new UsageBatch(List.of(charge("u-1", "gu", 1, "1")));

    assertThat(fixture.hasTable("billing_ledger")).isFalse();
    assertThat(fixture.failure(Addresses.BILLING_RECORD, batch).failureCode())
        .isEqualTo(ErrorCode.UNAVAILABLE.code());

    fixture.deploy(new BillingVerticle(), new JsonObject().put("SQL_DSN", fixture.dsn).put("BILLING_PORT", -1));
    assertThat(fixture.request(Addresses.BILLING_RECORD, batch).getInteger("billed")).isEqualTo(1);
    assertThat(fixture.request(Addresses.BILLING_RECORD, batch).getInteger("billed")).isZero();
    fixture.close();
  }
}
