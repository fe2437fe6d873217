package org.aigateway.admin.group;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.List;
import org.aigateway.admin.bus.ConfigEvents;
import org.aigateway.admin.bus.SpendClient;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Bodies;
import org.aigateway.admin.http.Envelope;
import org.aigateway.admin.http.Fields;
import org.aigateway.admin.http.Paging;
import org.aigateway.admin.http.Params;
import org.aigateway.admin.listing.Listing;
import org.aigateway.admin.listing.Where;
import org.aigateway.protocol.command.SpendReport;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.GroupModelConfig;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.config.ConfigReader.Projection;

/** {@code /api/group/:group} and {@code /api/groups/}: the tenants, shown with their spend. */
public final class GroupHandler {

  private final GroupRepository repository;
  private final ConfigReader reader;
  private final Listing listing;
  private final SpendClient spend;
  private final ConfigEvents events;

  public GroupHandler(GroupRepository repository, ConfigReader reader, Listing listing, SpendClient spend,
                      ConfigEvents events) {
    this.repository = repository;
    this.reader = reader;
    this.listing = listing;
    this.spend = spend;
    this.events = events;
  }

  public void mount(Router api) {
    api.get("/groups").handler(this::list);
    api.post("/group/:group").handler(this::create);
    api.get("/group/:group").handler(this::get);
    api.put("/group/:group").handler(this::update);
    api.delete("/group/:group").handler(this::delete);
    api.post("/group/:group/status").handler(this::status);
    api.post("/group/:group/balance").handler(this::topUp);
  }

  void create(RoutingContext ctx) {
    String id = GroupDraft.requireId(ctx.pathParam("group"));
    GroupDraft draft = GroupDraft.parse(Bodies.object(ctx));
    repository.insert(id, draft)
        .compose(v -> written(id, true))
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    String id = GroupDraft.requireId(ctx.pathParam("group"));
    existing(id).compose(this::view).onSuccess(json -> Envelope.ok(ctx, json)).onFailure(ctx::fail);
  }

  /** Partial update: fields absent from the body keep their values. */
  void update(RoutingContext ctx) {
    String id = GroupDraft.requireId(ctx.pathParam("group"));
    JsonObject body = Bodies.object(ctx);
    existing(id)
        .map(group -> GroupDraft.parse(group.toJson().mergeIn(body)))
        .compose(draft -> repository.update(id, draft))
        .compose(found -> written(id, found))
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  void status(RoutingContext ctx) {
    String id = GroupDraft.requireId(ctx.pathParam("group"));
    int status = Fields.of(Bodies.object(ctx)).status("status", 0);
    repository.updateStatus(id, status)
        .compose(found -> written(id, found))
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  /**
   * Adds credit to a group's balance ({@code {"amount": 10}}, more than zero); a group without a
   * balance limit must first be given one with PUT.
   */
  void topUp(RoutingContext ctx) {
    String id = GroupDraft.requireId(ctx.pathParam("group"));
    Fields fields = Fields.of(Bodies.object(ctx));
    BigDecimal amount = fields.exactNonNegativeDecimal("amount", BigDecimal.ZERO);
    if (amount.signum() == 0) {
      throw fields.invalid("amount", "must be more than zero");
    }
    repository.topUp(id, amount)
        .compose(done -> done ? written(id, true) : existing(id).compose(group -> Future.<JsonObject>failedFuture(
            ApiException.badRequest("group " + id + " has no balance limit; set one with PUT /api/group/" + id
                + " {\"balance\": ...}"))))
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  /** Deletes the group, its tokens and model configs; publishes a delete for each and for the group. */
  void delete(RoutingContext ctx) {
    String id = GroupDraft.requireId(ctx.pathParam("group"));
    repository.delete(id)
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound(id))))
        .onSuccess(deleted -> {
          deleted.tokenIds().forEach(tokenId -> events.deleted(Kind.TOKEN, tokenId));
          deleted.models().forEach(model -> events.deleted(Kind.GROUP_MODEL_CONFIG, GroupModelConfig.id(id, model)));
          events.deleted(Kind.GROUP, id);
          Envelope.ok(ctx, null);
        })
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    MultiMap params = ctx.queryParams();
    Where where = new Where()
        .contains("t.id", Params.string(params, "keyword"))
        .equal("t.status", Params.optionalInt(params, "status"));
    listing.page(Projection.GROUPS, "groups", where, "t.created_at DESC, t.id", Paging.from(params), Group::fromJson)
        .compose(page -> views(page.items()).map(groups -> new JsonObject()
            .put("groups", groups).put("total", page.total())))
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> written(String id, boolean found) {
    if (!found) {
      return Future.failedFuture(notFound(id));
    }
    events.upserted(Kind.GROUP, id);
    return existing(id).compose(this::view);
  }

  private Future<Group> existing(String id) {
    return reader.group(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(notFound(id))));
  }

  private Future<JsonObject> view(Group group) {
    return views(List.of(group)).map(array -> array.getJsonObject(0));
  }

  private Future<JsonArray> views(List<Group> groups) {
    List<String> ids = groups.stream().map(Group::id).toList();
    return spend.spend(List.of(), ids).map(report -> toJson(groups, report));
  }

  private static JsonArray toJson(List<Group> groups, SpendReport report) {
    return new JsonArray(groups.stream()
        .map(group -> SpendClient.withSpend(group.toJson(), report.group(group.id())))
        .toList());
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("group " + id + " not found");
  }
}
