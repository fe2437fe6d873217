package org.aigateway.relay;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Price;
import org.aigateway.testsupport.Await;

/** Calls to the relay with any headers, the events of an SSE answer, and model configs with plugins. */
final class ProtocolCalls {

  /** One server-sent event: its {@code event:} name ({@code null} when none) and its data. */
  record Event(String name, String data) {

    JsonObject json() {
      return new JsonObject(data);
    }
  }

  private ProtocolCalls() {
  }

  /** POSTs {@code body} to {@code path} with these headers (no others but the content type). */
  static HttpResponse<Buffer> post(RelayHarness harness, String path, Map<String, String> headers, Buffer body) {
    HttpRequest<Buffer> request = harness.web.post(harness.port(), "127.0.0.1", path)
        .putHeader("Content-Type", "application/json");
    headers.forEach(request::putHeader);
    return Await.result(request.sendBuffer(body));
  }

  static HttpResponse<Buffer> post(RelayHarness harness, String path, Map<String, String> headers, JsonObject body) {
    return post(harness, path, headers, body.toBuffer());
  }

  static HttpResponse<Buffer> send(RelayHarness harness, String method, String path, String key) {
    HttpRequest<Buffer> request = harness.web.request(io.vertx.core.http.HttpMethod.valueOf(method), harness.port(),
        "127.0.0.1", path).putHeader("Authorization", "Bearer " + key);
    return Await.result(request.send());
  }

  /** The events of an SSE body, whatever its line breaks. */
  static List<Event> events(String body) {
    List<Event> events = new ArrayList<>();
    for (String block : body.replace("\r\n", "\n").split("\n\n")) {
      String name = null;
      StringBuilder data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
      if (data != null) {
        events.add(new Event(name, data.toString()));
      }
    }
    return events;
  }

  /** A model config with a {@code config} and {@code plugin} map. */
  static void modelConfig(RelayHarness harness, String model, int type, Price price, JsonObject config,
                          JsonObject plugin) {
    Await.result(harness.pool.preparedQuery("INSERT INTO model_configs (model, owner, type, price, config, plugin) "
            + "VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(model, "test-owner", type, price.toJson(), config, plugin)));
  }
}
