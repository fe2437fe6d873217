package org.aigateway.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UsageBatchCodecTest {

  private static final String EVENT = """
      {"v":1,"request_id":"r1","request_at":1760000000000,"group_id":"g","token_id":3,"model":"m","status":200,
       "usage":{"input_tokens":10,"output_tokens":5,"total_tokens":15},
       "amount":{"input_amount":"0.00002","output_amount":"0.00003","used_amount":"0.00005"},
       "attempts":[{"channel_id":4,"status":502,"started_at":1760000000000,"duration_ms":3}]}""";

  private final UsageBatchCodec codec = new UsageBatchCodec();

  @Test
  @DisplayName("Registering twice on one bus is harmless: each service of a process registers it")
  void registersOnce() {
    Vertx vertx = Vertx.vertx();
    try {
      UsageBatchCodec.register(vertx.eventBus());
      UsageBatchCodec.register(vertx.eventBus());
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("Within a process the batch itself is delivered: nothing is encoded, copied or parsed")
  void localDeliveryIsTheSameObject() {
    UsageBatch batch = new UsageBatch(List.of(RelayCompleted.fromJson(new JsonObject(EVENT))));

    assertThat(codec.transform(batch)).isSameAs(batch);
  }

  @Test
  @DisplayName("Between nodes a batch travels as its JSON and decodes to an equal batch, after any prefix")
  void wireRoundTrip() {
    UsageBatch batch = new UsageBatch(List.of(RelayCompleted.fromJson(new JsonObject(EVENT)),
        RelayCompleted.fromJson(new JsonObject(EVENT).put("request_id", "r2"))));
    Buffer wire = Buffer.buffer("prefix");
    codec.encodeToWire(wire, batch);

    assertThat(codec.decodeFromWire(6, wire)).isEqualTo(batch);
  }

  @Test
  @DisplayName("A batch is immutable, so that sharing it between threads is safe")
  void immutable() {
    List<RelayCompleted> events = new ArrayList<>(List.of(RelayCompleted.fromJson(new JsonObject(EVENT))));
    UsageBatch batch = new UsageBatch(events);
    events.clear();

    assertThat(batch.events()).hasSize(1);
    assertThatThrownBy(() -> batch.events().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> batch.events().get(0).attempts().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("Wire bodies of another version or with events that are not objects fail to decode")
  void undecodable() {
    for (JsonObject json : List.of(new JsonObject().put("v", 99),
        new JsonObject().put("v", 1).put("events", new JsonArray().add("oops")))) {
      Buffer body = json.toBuffer();
      Buffer wire = Buffer.buffer().appendInt(body.length()).appendBuffer(body);

      assertThatThrownBy(() -> codec.decodeFromWire(0, wire)).as("decoding %s", json)
          .isInstanceOf(RuntimeException.class);
    }
  }
}
