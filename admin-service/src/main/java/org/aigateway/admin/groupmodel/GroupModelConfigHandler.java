package org.aigateway.admin.groupmodel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigateway.admin.bus.ConfigEvents;
import org.aigateway.admin.group.GroupDraft;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Bodies;
import org.aigateway.admin.http.Envelope;
import org.aigateway.admin.modelconfig.ModelConfigHandler;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.model.GroupModelConfig;
import org.aigateway.runtime.config.ConfigReader;

/**
 * {@code /api/group/:group/model_configs/} (batches) and {@code /api/group/:group/model_config/*model}:
 * a group's overrides of model configs. POST creates or replaces, PUT updates existing ones
 * partially (absent fields keep their values), DELETE removes; every write is announced per item.
 */
public final class GroupModelConfigHandler {

  private final GroupModelConfigRepository repository;
  private final ConfigReader reader;
  private final ConfigEvents events;

  public GroupModelConfigHandler(GroupModelConfigRepository repository, ConfigReader reader, ConfigEvents events) {
    this.repository = repository;
    this.reader = reader;
    this.events = events;
  }

  public void mount(Router api) {
    api.get("/group/:group/model_configs").handler(this::list);
    api.post("/group/:group/model_configs").handler(this::saveBatch);
    api.put("/group/:group/model_configs").handler(this::updateBatch);
    api.delete("/group/:group/model_configs").handler(this::deleteBatch);
    api.get("/group/:group/model_config/*").handler(this::get);
    api.post("/group/:group/model_config/*").handler(this::save);
    api.put("/group/:group/model_config/*").handler(this::update);
    api.delete("/group/:group/model_config/*").handler(this::delete);
  }

  void list(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    requireGroup(group).compose(v -> reader.groupModelConfigs(group))
        .onSuccess(configs -> Envelope.ok(ctx, toJson(configs)))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    String model = ModelConfigHandler.model(ctx);
    existing(group, model).onSuccess(config -> Envelope.ok(ctx, config.toApiJson())).onFailure(ctx::fail);
  }

  void save(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    GroupModelConfigDraft draft = GroupModelConfigDraft.parse(Bodies.object(ctx), ModelConfigHandler.model(ctx), "");
    saveAll(group, List.of(draft)).onSuccess(saved -> Envelope.ok(ctx, saved.getValue(0))).onFailure(ctx::fail);
  }

  /** Creates or replaces every config of the array; a model named twice keeps its last entry. */
  void saveBatch(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    Map<String, GroupModelConfigDraft> drafts = new LinkedHashMap<>();
    JsonArray body = Bodies.array(ctx);
    for (int i = 0; i < body.size(); i++) {
      GroupModelConfigDraft draft = GroupModelConfigDraft.parse(item(body, i), null, "[" + i + "].");
      drafts.put(draft.model(), draft);
    }
    saveAll(group, new ArrayList<>(drafts.values())).onSuccess(saved -> Envelope.ok(ctx, saved)).onFailure(ctx::fail);
  }

  void update(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    Map<String, JsonObject> changes = Map.of(ModelConfigHandler.model(ctx), Bodies.object(ctx));
    updateAll(group, changes).onSuccess(saved -> Envelope.ok(ctx, saved.getValue(0))).onFailure(ctx::fail);
  }

  /** Updates existing configs partially; each item names its {@code model}; one unknown model fails them all. */
  void updateBatch(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    Map<String, JsonObject> changes = new LinkedHashMap<>();
    JsonArray body = Bodies.array(ctx);
    for (int i = 0; i < body.size(); i++) {
      JsonObject item = item(body, i);
      changes.put(GroupModelConfigDraft.parse(item, null, "[" + i + "].").model(), item);
    }
    updateAll(group, changes).onSuccess(saved -> Envelope.ok(ctx, saved)).onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    String model = ModelConfigHandler.model(ctx);
    deleteAll(group, List.of(model))
        .compose(deleted -> deleted.isEmpty() ? Future.failedFuture(notFound(group, model)) : Future.succeededFuture())
        .onSuccess(v -> Envelope.ok(ctx, null))
        .onFailure(ctx::fail);
  }

  /** Deletes the configs of the models the body lists (a JSON array of names); unknown ones are skipped. */
  void deleteBatch(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    JsonArray body = Bodies.array(ctx);
    List<String> models = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      if (!(body.getValue(i) instanceof String model)) {
        throw ApiException.badRequest("[" + i + "] must be a model name");
      }
      models.add(model);
    }
    deleteAll(group, models).onSuccess(deleted -> Envelope.ok(ctx, new JsonArray(deleted))).onFailure(ctx::fail);
  }

  private Future<JsonArray> updateAll(String group, Map<String, JsonObject> changes) {
    return requireGroup(group).compose(v -> reader.groupModelConfigs(group)).compose(current -> {
      Map<String, GroupModelConfig> byModel = new LinkedHashMap<>();
      current.forEach(config -> byModel.put(config.model(), config));
      List<GroupModelConfigDraft> drafts = new ArrayList<>();
      for (Map.Entry<String, JsonObject> change : changes.entrySet()) {
        GroupModelConfig existing = byModel.get(change.getKey());
        if (existing == null) {
          return Future.failedFuture(notFound(group, change.getKey()));
        }
        drafts.add(GroupModelConfigDraft.parse(existing.toJson().mergeIn(change.getValue()), change.getKey(), ""));
      }
      return saveAll(group, drafts);
    });
  }

  private Future<JsonArray> saveAll(String group, List<GroupModelConfigDraft> drafts) {
    Set<String> models = Set.copyOf(drafts.stream().map(GroupModelConfigDraft::model).toList());
    return requireGroup(group)
        .compose(v -> repository.upsertAll(group, drafts))
        .onSuccess(v -> drafts.forEach(d -> events.upserted(Kind.GROUP_MODEL_CONFIG, GroupModelConfig.id(group, d.model()))))
        .compose(v -> reader.groupModelConfigs(group))
        .map(all -> toJson(all.stream().filter(config -> models.contains(config.model())).toList()));
  }

  private Future<List<String>> deleteAll(String group, List<String> models) {
    return requireGroup(group).compose(v -> repository.delete(group, models)).onSuccess(deleted ->
        deleted.forEach(model -> events.deleted(Kind.GROUP_MODEL_CONFIG, GroupModelConfig.id(group, model))));
  }

  private Future<Void> requireGroup(String group) {
    return reader.group(group).compose(found -> found.isPresent() ? Future.succeededFuture()
        : Future.failedFuture(ApiException.notFound("group " + group + " not found")));
  }

  private Future<GroupModelConfig> existing(String group, String model) {
    return requireGroup(group).compose(v -> reader.groupModelConfig(group, model)).compose(found -> found
        .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound(group, model))));
  }

  private static JsonObject item(JsonArray body, int index) {
    if (body.getValue(index) instanceof JsonObject object) {
      return object;
    }
    throw ApiException.badRequest("[" + index + "] must be a JSON object");
  }

  private static ApiException notFound(String group, String model) {
    return ApiException.notFound("model config " + model + " of group " + group + " not found");
  }

  private static JsonArray toJson(List<GroupModelConfig> configs) {
    return new JsonArray(configs.stream().map(GroupModelConfig::toApiJson).toList());
  }
}
