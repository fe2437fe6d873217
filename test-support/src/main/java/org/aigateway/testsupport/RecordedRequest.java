package org.aigateway.testsupport;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** One request a fake upstream received, as it arrived ({@code query} without the {@code ?}, empty when none). */
public record RecordedRequest(String method, String path, MultiMap headers, Buffer body, String query) {

  public RecordedRequest(String method, String path, MultiMap headers, Buffer body) {
    this(method, path, headers, body, "");
  }

  public String header(String name) {
    return headers.get(name);
  }

  /** The body as a JSON object; fails when it is not one. */
  public JsonObject json() {
    return new JsonObject(body);
  }
}
