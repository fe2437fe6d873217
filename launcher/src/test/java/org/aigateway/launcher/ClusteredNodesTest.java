package org.aigateway.launcher;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.aigateway.log.LogVerticle;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.event.UsageBatchCodec;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.cluster.ClusterConfig;
import org.aigateway.runtime.cluster.VertxFactory;
import org.aigateway.runtime.db.Databases;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.TestDatabases;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Two clustered nodes: the relay on one, log-service on the other")
class ClusteredNodesTest {

  @Test
  @DisplayName("usage events cross the Hazelcast cluster from the relay node to the log node")
  void eventsCrossTheCluster(@TempDir Path journal) {
    Vertx vertx = Vertx.vertx();
    FakeOpenAiServer upstream = Await.result(FakeOpenAiServer.start(vertx));
    String dsn = TestDatabases.freshDatabase(vertx);
    String clusterName = "gw-test-" + UUID.randomUUID();
    Gateway relayNode = Await.result(Gateway.start(Settings.of(Map.of(
        "SQL_DSN", dsn,
        "REDIS_CONN_STRING", TestRedis.uri(),
        "ADMIN_KEY", GatewayClient.ADMIN_KEY,
        "LISTEN", "127.0.0.1:0",
        "GATEWAY_SERVICES", "billing,gateway",
        "CLUSTER_ENABLED", "true",
        "CLUSTER_NAME", clusterName,
        "OUTBOX_JOURNAL_DIR", journal.toString(),
        "OUTBOX_FLUSH_INTERVAL_MS", "20"))), 90);
    Vertx logNode = Await.result(VertxFactory.create(ClusterConfig.from(Settings.of(Map.of(
        "CLUSTER_NAME", clusterName)), true)), 90);
    GatewayClient client = new GatewayClient(vertx, relayNode.port());
    Pool db = Databases.pool(vertx, dsn, 2);
    try {
      assertThat(relayNode.vertx().isClustered()).isTrue();
      Await.result(logNode.deployVerticle(new LogVerticle(), new DeploymentOptions()
          .setConfig(new JsonObject().put("SQL_DSN", dsn).put("LOG_PORT", -1))), 60);
      String key = client.setUp(upstream.baseUrl(), "clustered").getString("key");
      client.awaitModel(key, "gpt-4o-mini");

      HttpResponse<Buffer> response = client.relay(HttpMethod.POST, "/v1/chat/completions", key,
          GatewayEndToEndTest.chatBody(false));
      assertThat(response.statusCode()).isEqualTo(200);
      String requestId = response.getHeader("X-Request-Id");

      Long stored = Await.until(() -> countLogs(db, requestId), n -> n == 1L, 30, "the log row on the other node");
      assertThat(stored).isEqualTo(1L);
    } finally {
      db.close();
      client.close();
      Await.result(logNode.close(), 60);
      Await.result(relayNode.stop(), 60);
      Await.result(vertx.close());
    }
  }

  @Test
  @DisplayName("a usage batch another node cannot decode is rejected with BAD_REQUEST (so its sender dead-letters it), not dropped")
  void undecodableBatchIsRejected() {
    Vertx vertx = Vertx.vertx();
    String dsn = TestDatabases.freshDatabase(vertx);
    Settings cluster = Settings.of(Map.of("CLUSTER_NAME", "gw-test-" + UUID.randomUUID()));
    Vertx logNode = Await.result(VertxFactory.create(ClusterConfig.from(cluster, true)), 90);
    Vertx senderNode = Await.result(VertxFactory.create(ClusterConfig.from(cluster, true)), 90);
    try {
      Await.result(logNode.deployVerticle(new LogVerticle(), new DeploymentOptions()
          .setConfig(new JsonObject().put("SQL_DSN", dsn).put("LOG_PORT", -1))), 60);
      senderNode.eventBus().registerDefaultCodec(FutureVersionBatch.class, new FutureVersionBatch.Codec());

      Throwable failure = Await.result(senderNode.eventBus().request(Addresses.LOG_RECORD, new FutureVersionBatch(),
          new DeliveryOptions().setSendTimeout(30_000)).map(reply -> (Throwable) null).otherwise(e -> e), 40);

      assertThat(failure).isInstanceOf(ReplyException.class);
      assertThat(((ReplyException) failure).failureCode()).isEqualTo(ErrorCode.BAD_REQUEST.code());
    } finally {
      Await.result(senderNode.close(), 60);
      Await.result(logNode.close(), 60);
      Await.result(vertx.close());
    }
  }

  /** A batch from a newer relay: it travels under the usage batch codec's name with a version this build cannot read. */
  private record FutureVersionBatch() {

    static final class Codec implements MessageCodec<FutureVersionBatch, FutureVersionBatch> {

      @Override
      public void encodeToWire(Buffer buffer, FutureVersionBatch batch) {
        Buffer json = new JsonObject().put("v", 99).put("events", new JsonArray()).toBuffer();
        buffer.appendInt(json.length()).appendBuffer(json);
      }

      @Override
      public FutureVersionBatch decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException("sent only");
      }

      @Override
      public FutureVersionBatch transform(FutureVersionBatch batch) {
        return batch;
      }

      @Override
      public String name() {
        return UsageBatchCodec.NAME;
      }

      @Override
      public byte systemCodecID() {
        return -1;
      }
    }
  }

  private static Future<Long> countLogs(Pool db, String requestId) {
    return db.preparedQuery("SELECT count(*) FROM logs WHERE request_id = $1").execute(Tuple.of(requestId))
        .map(rows -> rows.iterator().next().getLong(0))
        .recover(err -> Future.succeededFuture(0L));
  }
}
