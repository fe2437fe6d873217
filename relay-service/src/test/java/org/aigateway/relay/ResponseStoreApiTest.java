package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Where response ids are kept: in Redis when REDIS_CONN_STRING is set (shared by replicas, with the
 * configured time to live), else in each replica's memory, bounded by RESPONSE_STORE_MAX_ENTRIES.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseStoreApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String MODEL = "gpt-4o";

  private RelayHarness harness;
  private FakeOpenAiServer upstream;
  private Redis redis;
  private int sharedFirst;
  private int sharedSecond;
  private int memoryFirst;
  private int memorySecond;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("stored", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "stored", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-upstream", List.of(MODEL), Map.of());
    harness.fixtures.chatModel(MODEL, Fixtures.price("1", "2"));
    Map<String, Object> shared = Map.of("REDIS_CONN_STRING", TestRedis.uri(), "RESPONSE_STORE_TTL_SECONDS", 3600);
    Map<String, Object> memory = Map.of("RESPONSE_STORE_MAX_ENTRIES", 2);
    sharedFirst = harness.deploy(shared).port();
    sharedSecond = harness.deployAnother(new RelayVerticle(), shared).port();
    memoryFirst = harness.deployAnother(new RelayVerticle(), memory).port();
    memorySecond = harness.deployAnother(new RelayVerticle(), memory).port();
    redis = Redis.createClient(harness.vertx, TestRedis.uri());
  }

  @AfterAll
  void stop() {
    redis.close();
    harness.close();
  }

  private String create(int port) {
    return create(port, new JsonObject().put("model", MODEL).put("input", "Hi"));
  }

  private String create(int port, JsonObject body) {
    HttpResponse<Buffer> created = Await.result(harness.web.post(port, "127.0.0.1", "/v1/responses")
        .putHeader("Authorization", "Bearer " + KEY).sendJsonObject(body));
    assertThat(created.statusCode()).isEqualTo(200);
    return created.bodyAsJsonObject().getString("id");
  }

  private int get(int port, String id) {
    return Await.result(retrieve(port, id)).statusCode();
  }

  private Future<HttpResponse<Buffer>> retrieve(int port, String id) {
    return harness.web.get(port, "127.0.0.1", "/v1/responses/" + id).putHeader("Authorization", "Bearer " + KEY)
        .send();
  }

  @Test
  @DisplayName("With Redis, a response created through one replica is found through another, and expires with the configured TTL")
  void sharedThroughRedis() {
    String id = create(sharedFirst);

    assertThat(get(sharedSecond, id)).isEqualTo(200);
    long ttl = Await.result(redis.send(Request.cmd(Command.TTL).arg("aigw:response:" + id))).toLong();
    assertThat(ttl).isBetween(1L, 3600L);
  }

  @Test
  @DisplayName("Without Redis, each replica keeps its own bounded store: the oldest ids go first, other replicas do not know them")
  void boundedInMemory() {
    String first = create(memoryFirst);
    String second = create(memoryFirst);
    String third = create(memoryFirst);

    assertThat(get(memoryFirst, first)).isEqualTo(404);
    assertThat(get(memoryFirst, second)).isEqualTo(200);
    assertThat(get(memoryFirst, third)).isEqualTo(200);
    assertThat(get(memorySecond, third)).isEqualTo(404);
  }

  @Test
  @DisplayName("With Redis, a finished background response retrieved at once through two replicas is billed by one of them only")
  void backgroundBilledOnceAcrossReplicas() {
    upstream.behaviour().usage(50, 20);
    String id = create(sharedFirst, new JsonObject().put("model", MODEL).put("input", "Hi").put("background", true));
    upstream.finishBackgroundResponses();

    List<HttpResponse<Buffer>> answers = Await.result(Future.all(retrieve(sharedFirst, id), retrieve(sharedSecond, id),
        retrieve(sharedFirst, id), retrieve(sharedSecond, id))).list();

    List<RelayCompleted> events = answers.stream().map(a -> harness.event(a.getHeader(RequestIds.HEADER))).toList();
    Usage expected = new Usage(50, 20, 0, 0, 0, 70);
    assertThat(events).filteredOn(e -> e.usage().equals(expected)).singleElement()
        .satisfies(e -> assertThat(e.amount()).isEqualTo(Pricing.amount(expected, Fixtures.price("1", "2"), 200)));
    assertThat(events).filteredOn(e -> e.usage().equals(Usage.ZERO)).hasSize(3)
        .allSatisfy(e -> assertThat(e.amount().total().signum()).isZero());
    assertThat(Await.result(redis.send(Request.cmd(Command.TTL).arg("aigw:response-billed:" + id))).toLong())
        .isBetween(1L, 3600L);
  }
}
