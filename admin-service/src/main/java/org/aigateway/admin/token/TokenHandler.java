package org.aigateway.admin.token;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.aigateway.admin.bus.ConfigEvents;
import org.aigateway.admin.bus.SpendClient;
import org.aigateway.admin.group.GroupDraft;
import org.aigateway.admin.http.ApiException;
import org.aigateway.admin.http.Bodies;
import org.aigateway.admin.http.Envelope;
import org.aigateway.admin.http.Fields;
import org.aigateway.admin.http.Paging;
import org.aigateway.admin.http.Params;
import org.aigateway.admin.listing.Listing;
import org.aigateway.admin.listing.Where;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.model.Token;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.config.ConfigReader.Projection;

/** {@code /api/token/:group/...} and {@code /api/tokens/}: client keys, shown with their spend. */
public final class TokenHandler {

  private final TokenRepository repository;
  private final TokenCreation creation;
  private final ConfigReader reader;
  private final Listing listing;
  private final SpendClient spend;
  private final ConfigEvents events;

  public TokenHandler(TokenRepository repository, TokenCreation creation, ConfigReader reader, Listing listing,
                      SpendClient spend, ConfigEvents events) {
    this.repository = repository;
    this.creation = creation;
    this.reader = reader;
    this.listing = listing;
    this.spend = spend;
    this.events = events;
  }

  public void mount(Router api) {
    api.get("/tokens").handler(this::listAll);
    api.post("/token/:group").handler(this::create);
    api.get("/token/:group").handler(this::listGroup);
    api.get("/token/:group/:id").handler(this::get);
    api.put("/token/:group/:id").handler(this::update);
    api.delete("/token/:group/:id").handler(this::delete);
    api.post("/token/:group/:id/status").handler(this::status);
  }

  void create(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    TokenDraft draft = TokenDraft.parse(Bodies.object(ctx));
    MultiMap params = ctx.queryParams();
    creation.create(group, draft, Params.flag(params, "auto_create_group"), Params.flag(params, "ignore_exist"))
        .compose(this::view)
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    long id = Params.pathLong(ctx, "id");
    existing(group, id).compose(this::view).onSuccess(json -> Envelope.ok(ctx, json)).onFailure(ctx::fail);
  }

  /** Partial update: fields absent from the body keep their values; the key never changes. */
  void update(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    long id = Params.pathLong(ctx, "id");
    JsonObject body = Bodies.object(ctx);
    existing(group, id)
        .map(token -> TokenDraft.parse(token.toJson().mergeIn(body)))
        .compose(draft -> repository.update(group, id, draft))
        .compose(found -> written(group, id, found))
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  void status(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    long id = Params.pathLong(ctx, "id");
    int status = Fields.of(Bodies.object(ctx)).status("status", 0);
    repository.updateStatus(group, id, status)
        .compose(found -> written(group, id, found))
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    long id = Params.pathLong(ctx, "id");
    repository.delete(group, id)
        .compose(found -> found ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(notFound(group, id)))
        .onSuccess(v -> {
          events.deleted(Kind.TOKEN, id);
          Envelope.ok(ctx, null);
        })
        .onFailure(ctx::fail);
  }

  void listGroup(RoutingContext ctx) {
    String group = GroupDraft.requireId(ctx.pathParam("group"));
    list(ctx, filters(ctx.queryParams()).equal("t.group_id", group));
  }

  void listAll(RoutingContext ctx) {
    MultiMap params = ctx.queryParams();
    list(ctx, filters(params).equal("t.group_id", Params.string(params, "group")));
  }

  private void list(RoutingContext ctx, Where where) {
    listing.page(Projection.TOKENS, "tokens", where, "t.id DESC", Paging.from(ctx.queryParams()), Token::fromJson)
        .compose(page -> views(page.items()).map(tokens -> new JsonObject()
            .put("tokens", tokens).put("total", page.total())))
        .onSuccess(json -> Envelope.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private static Where filters(MultiMap params) {
    return new Where()
        .contains("t.name", Params.string(params, "name"))
        .equal("t.status", Params.optionalInt(params, "status"));
  }

  private Future<JsonObject> written(String group, long id, boolean found) {
    if (!found) {
      return Future.failedFuture(notFound(group, id));
    }
    events.upserted(Kind.TOKEN, id);
    return existing(group, id).compose(this::view);
  }

  private Future<Token> existing(String group, long id) {
    return reader.token(id).compose(found -> found.filter(token -> token.group().equals(group))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(notFound(group, id))));
  }

  private Future<JsonObject> view(Token token) {
    return views(List.of(token)).map(array -> array.getJsonObject(0));
  }

  private Future<JsonArray> views(List<Token> tokens) {
    List<Long> ids = tokens.stream().map(Token::id).toList();
    return spend.spend(ids, List.of()).map(report -> new JsonArray(tokens.stream()
        .map(token -> SpendClient.withSpend(token.toJson(), report.token(token.id())))
        .toList()));
  }

  private static ApiException notFound(String group, long id) {
    return ApiException.notFound("token " + id + " not found in group " + group);
  }
}
