package org.aigateway.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler of the /api routes: turns every failure into the envelope with a
 * status. Postgres errors are classified by SQL state: a unique violation is a 409 conflict.
 */
public final class ApiFailureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiFailureHandler.class);
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final String DATA_EXCEPTION_CLASS = "22";

  private ApiFailureHandler() {
  }

  public static void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    ApiException error = classify(ctx.failure(), ctx.statusCode());
    if (error.status() >= 500 && error.status() != 503) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    Envelope.fail(ctx, error.status(), error.getMessage());
  }

  static ApiException classify(Throwable failure, int statusCode) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof HttpException http) {
      return new ApiException(http.getStatusCode(), reason(http.getStatusCode()));
    }
    if (failure instanceof PgException pg) {
      return fromPostgres(pg);
    }
    if (failure instanceof DecodeException) {
      return ApiException.badRequest("request body is not valid JSON");
    }
    if (failure == null && statusCode > 0) {
      return new ApiException(statusCode, reason(statusCode));
    }
    return new ApiException(500, "internal error");
  }

  private static ApiException fromPostgres(PgException pg) {
    String state = String.valueOf(pg.getSqlState());
    if (UNIQUE_VIOLATION.equals(state)) {
      return ApiException.conflict(pg.getDetail() != null ? pg.getDetail() : "already exists");
    }
    if (FOREIGN_KEY_VIOLATION.equals(state)) {
      return ApiException.notFound(pg.getDetail() != null ? pg.getDetail() : "referenced item not found");
    }
    if (state.startsWith(DATA_EXCEPTION_CLASS)) {
      return ApiException.badRequest("invalid value: " + pg.getErrorMessage());
    }
    return new ApiException(500, "database error");
  }

  private static String reason(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase().toLowerCase();
  }
}
