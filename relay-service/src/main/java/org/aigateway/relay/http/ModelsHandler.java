package org.aigateway.relay.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.routing.ModelResolver;
import org.aigateway.relay.routing.ModelResolver.Listed;

/** {@code GET /v1/models} and {@code GET /v1/models/:model}: the models the caller's key may use. */
public final class ModelsHandler {

  /** The {@code created} of models without a configuration date (the original's constant). */
  static final long DEFAULT_CREATED = 1_626_777_600L;
  private static final String PREFIX = "/models/";

  private final ModelResolver resolver;

  public ModelsHandler(ModelResolver resolver) {
    this.resolver = resolver;
  }

  public void list(RoutingContext rc) {
    JsonArray data = new JsonArray();
    resolver.models(rc.get(Caller.KEY)).forEach((model, listed) -> data.add(entry(model, listed)));
    rc.json(new JsonObject().put("object", "list").put("data", data));
  }

  public void get(RoutingContext rc) {
    String model = modelOf(rc);
    Map<String, Listed> models = resolver.models(rc.get(Caller.KEY));
    Listed listed = models.get(model);
    if (listed == null) {
      rc.fail(OpenAiErrors.modelNotFound(model));
      return;
    }
    rc.json(entry(model, listed));
  }

  private static JsonObject entry(String model, Listed listed) {
    boolean configured = listed.config() != null;
    String owner = configured && !listed.config().owner().isBlank() ? listed.config().owner() : listed.adaptorName();
    long created = configured && listed.config().createdAt() > 0 ? listed.config().createdAt() / 1000 : DEFAULT_CREATED;
    return new JsonObject().put("id", model).put("object", "model").put("created", created).put("owned_by", owner);
  }

  /** The model is the rest of the path, so names containing {@code /} work. */
  private static String modelOf(RoutingContext rc) {
    String path = rc.request().path();
    String raw = path.substring(path.indexOf(PREFIX) + PREFIX.length());
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
