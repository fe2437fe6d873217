package org.aigateway.admin.modelconfig;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigateway.admin.bus.ConfigEvents;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Bodies;
import org.aigateway.admin.http.Envelope;
import org.aigateway.admin.http.Paging;
import org.aigateway.admin.http.Params;
import org.aigateway.admin.listing.Listing;
import org.aigateway.admin.listing.Where;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.config.ConfigReader.Projection;

/**
 * {@code /api/model_configs/} and {@code /api/model_config/*model}. Model names may contain
 * {@code /} (e.g. {@code Qwen/Qwen2-7B}), so the name is the whole rest of the path.
 */
public final class ModelConfigHandler {

  private static final String SINGLE = "/model_config/";

  private final ModelConfigRepository repository;
  private final ConfigReader reader;
  private final Listing listing;
  private final ConfigEvents events;

  public ModelConfigHandler(ModelConfigRepository repository, ConfigReader reader, Listing listing,
                            ConfigEvents events) {
    this.repository = repository;
    this.reader = reader;
    this.listing = listing;
    this.events = events;
  }

  public void mount(Router api) {
    api.get("/model_configs/all").handler(this::all);
    api.get("/model_configs").handler(this::list);
    api.post("/model_configs").handler(this::saveBatch);
    api.get(SINGLE + "*").handler(this::get);
    api.post(SINGLE + "*").handler(this::save);
    api.delete(SINGLE + "*").handler(this::delete);
  }

  void get(RoutingContext ctx) {
    String model = model(ctx);
    existing(model).onSuccess(config -> Envelope.ok(ctx, config.toApiJson())).onFailure(ctx::fail);
  }

  /** Creates or replaces the config of the model named by the path. */
  void save(RoutingContext ctx) {
    ModelConfigDraft draft = ModelConfigDraft.parse(Bodies.object(ctx), model(ctx), "");
    saveAll(List.of(draft))
        .compose(v -> existing(draft.model()))
        .onSuccess(config -> Envelope.ok(ctx, config.toApiJson()))
        .onFailure(ctx::fail);
  }

  /** Creates or replaces every config of the array; a model named twice keeps its last entry. */
  void saveBatch(RoutingContext ctx) {
    JsonArray body = Bodies.array(ctx);
    Map<String, ModelConfigDraft> drafts = new LinkedHashMap<>();
    for (int i = 0; i < body.size(); i++) {
      ModelConfigDraft draft = ModelConfigDraft.parse(item(body, i), null, "[" + i + "].");
      drafts.put(draft.model(), draft);
    }
    List<String> models = List.copyOf(drafts.keySet());
    saveAll(new ArrayList<>(drafts.values()))
        .compose(v -> reader.query(Projection.MODEL_CONFIGS, "WHERE t.model = ANY($1) ORDER BY t.model",
            Tuple.of(models.toArray(String[]::new)), ModelConfig::fromJson))
        .onSuccess(configs -> Envelope.ok(ctx, toJson(configs)))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    String model = model(ctx);
    repository.delete(model)
        .compose(found -> found ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(notFound(model)))
        .onSuccess(v -> {
          events.deleted(Kind.MODEL_CONFIG, model);
          Envelope.ok(ctx, null);
        })
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    MultiMap params = ctx.queryParams();
    Where where = new Where()
        .contains("t.model", Params.string(params, "model"))
        .equal("t.owner", Params.string(params, "owner"));
    listing.page(Projection.MODEL_CONFIGS, "model_configs", where, "t.model", Paging.from(params),
            ModelConfig::fromJson)
        .onSuccess(page -> Envelope.ok(ctx, new JsonObject()
            .put("configs", toJson(page.items())).put("total", page.total())))
        .onFailure(ctx::fail);
  }

  void all(RoutingContext ctx) {
    reader.modelConfigs().onSuccess(configs -> Envelope.ok(ctx, toJson(configs))).onFailure(ctx::fail);
  }

  private Future<Void> saveAll(List<ModelConfigDraft> drafts) {
    return repository.upsertAll(drafts)
        .onSuccess(v -> drafts.forEach(draft -> events.upserted(Kind.MODEL_CONFIG, draft.model())));
  }

  private Future<ModelConfig> existing(String model) {
    return reader.modelConfig(model).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(notFound(model))));
  }

  /** The rest of the raw path after {@code /model_config/}, percent-decoded ({@code +} stays a plus). */
  public static String model(RoutingContext ctx) {
    String path = ctx.request().path();
    int start = path.indexOf(SINGLE);
    String raw = start < 0 ? "" : path.substring(start + SINGLE.length());
    try {
      String model = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (model.isBlank() || model.length() > ModelConfigDraft.MODEL_MAX) {
        throw ApiException.badRequest("model must be 1 to " + ModelConfigDraft.MODEL_MAX + " characters");
      }
      return model;
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("model is not a valid path segment: " + raw);
    }
  }

  private static JsonObject item(JsonArray body, int index) {
    if (body.getValue(index) instanceof JsonObject object) {
      return object;
    }
    throw ApiException.badRequest("[" + index + "] must be a JSON object");
  }

  private static ApiException notFound(String model) {
    return ApiException.notFound("model config " + model + " not found");
  }

  private static JsonArray toJson(List<ModelConfig> configs) {
    return new JsonArray(configs.stream().map(ModelConfig::toApiJson).toList());
  }
}
