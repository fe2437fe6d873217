package org.aigateway.admin.channel;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.admin.bus.ConfigEvents;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Bodies;
import org.aigateway.admin.http.Envelope;
import org.aigateway.admin.http.Fields;
import org.aigateway.admin.http.Paging;
import org.aigateway.admin.http.Params;
import org.aigateway.admin.listing.Listing;
import org.aigateway.admin.listing.Page;
import org.aigateway.admin.listing.Where;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.model.Channel;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.config.ConfigReader.Projection;

/** {@code /api/channel/...} and {@code /api/channels/...}: the upstream accounts. */
public final class ChannelHandler {

  private final ChannelRepository repository;
  private final ConfigReader reader;
  private final Listing listing;
  private final ModelCheck models;
  private final ConfigEvents events;

  public ChannelHandler(ChannelRepository repository, ConfigReader reader, Listing listing, ModelCheck models,
                        ConfigEvents events) {
    this.repository = repository;
    this.reader = reader;
    this.listing = listing;
    this.models = models;
    this.events = events;
  }

  public void mount(Router api) {
    api.get("/channels/all").handler(this::all);
    api.get("/channels").handler(this::list);
    api.post("/channels").handler(this::createBatch);
    api.post("/channel").handler(this::create);
    api.get("/channel/:id").handler(this::get);
    api.put("/channel/:id").handler(this::update);
    api.delete("/channel/:id").handler(this::delete);
    api.post("/channel/:id/status").handler(this::status);
  }

  /** One channel per line of the key; data is the channel, or the list when the key had several lines. */
  void create(RoutingContext ctx) {
    List<ChannelDraft> drafts = ChannelDraft.parse(Bodies.object(ctx), "").splitKeys();
    createAll(drafts)
        .onSuccess(created -> Envelope.ok(ctx, created.size() == 1 ? created.get(0).toJson() : toJson(created)))
        .onFailure(ctx::fail);
  }

  void createBatch(RoutingContext ctx) {
    JsonArray body = Bodies.array(ctx);
    List<ChannelDraft> drafts = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      drafts.addAll(ChannelDraft.parse(item(body, i), "[" + i + "].").splitKeys());
    }
    createAll(drafts).onSuccess(created -> Envelope.ok(ctx, toJson(created))).onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    int id = Params.pathInt(ctx, "id");
    existing(id).onSuccess(channel -> Envelope.ok(ctx, channel.toJson())).onFailure(ctx::fail);
  }

  /** Partial update: fields absent from the body keep their values; the result is validated whole. */
  void update(RoutingContext ctx) {
    int id = Params.pathInt(ctx, "id");
    JsonObject body = Bodies.object(ctx);
    existing(id)
        .map(channel -> ChannelDraft.parse(channel.toJson().mergeIn(body), ""))
        .compose(draft -> models.requireConfigured(body.containsKey("models") ? draft.models() : List.of())
            .compose(v -> repository.update(id, draft)))
        .compose(found -> written(id, found))
        .onSuccess(channel -> Envelope.ok(ctx, channel.toJson()))
        .onFailure(ctx::fail);
  }

  void status(RoutingContext ctx) {
    int id = Params.pathInt(ctx, "id");
    int status = Fields.of(Bodies.object(ctx)).status("status", 0);
    repository.updateStatus(id, status)
        .compose(found -> written(id, found))
        .onSuccess(channel -> Envelope.ok(ctx, channel.toJson()))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    int id = Params.pathInt(ctx, "id");
    repository.delete(id)
        .compose(found -> found ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(notFound(id)))
        .onSuccess(v -> {
          events.deleted(Kind.CHANNEL, id);
          Envelope.ok(ctx, null);
        })
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    MultiMap params = ctx.queryParams();
    Where where = new Where()
        .equal("t.id", Params.optionalInt(params, "id"))
        .contains("t.name", Params.string(params, "name"))
        .contains("t.key", Params.string(params, "key"))
        .equal("t.type", Params.optionalInt(params, "channel_type"))
        .contains("t.base_url", Params.string(params, "base_url"));
    listing.page(Projection.CHANNELS, "channels", where, "t.id DESC", Paging.from(params), Channel::fromJson)
        .onSuccess(page -> Envelope.ok(ctx, pageJson(page)))
        .onFailure(ctx::fail);
  }

  void all(RoutingContext ctx) {
    reader.channels().onSuccess(channels -> Envelope.ok(ctx, toJson(channels))).onFailure(ctx::fail);
  }

  private Future<List<Channel>> createAll(List<ChannelDraft> drafts) {
    if (drafts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<String> served = drafts.stream().flatMap(d -> d.models().stream()).distinct().toList();
    return models.requireConfigured(served)
        .compose(v -> repository.insertAll(drafts))
        .compose(ids -> {
          events.upserted(Kind.CHANNEL, ids);
          return reader.query(Projection.CHANNELS, "WHERE t.id = ANY($1) ORDER BY t.id",
              Tuple.of(ids.toArray(Integer[]::new)), Channel::fromJson);
        });
  }

  private Future<Channel> written(int id, boolean found) {
    if (!found) {
      return Future.failedFuture(notFound(id));
    }
    events.upserted(Kind.CHANNEL, id);
    return existing(id);
  }

  private Future<Channel> existing(int id) {
    return reader.channel(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(notFound(id))));
  }

  private static JsonObject item(JsonArray body, int index) {
    if (body.getValue(index) instanceof JsonObject object) {
      return object;
    }
    throw ApiException.badRequest("[" + index + "] must be a JSON object");
  }

  private static ApiException notFound(int id) {
    return ApiException.notFound("channel " + id + " not found");
  }

  private static JsonObject pageJson(Page<Channel> page) {
    return new JsonObject().put("channels", toJson(page.items())).put("total", page.total());
  }

  private static JsonArray toJson(List<Channel> channels) {
    return new JsonArray(channels.stream().map(Channel::toJson).toList());
  }
}
