package org.aigateway.testsupport;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** One request the fake upstream received, as it arrived. */
public record RecordedRequest(String method, String path, MultiMap headers, Buffer body) {

  public String header(String name) {
    return headers.get(name);
  }

  /** The body as a JSON object; fails when it is not one. */
  public JsonObject json() {
    return new JsonObject(body);
  }
}
