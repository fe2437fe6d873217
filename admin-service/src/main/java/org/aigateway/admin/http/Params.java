package org.aigateway.admin.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** Typed path and query parameters; a value that does not parse is a 400 naming the parameter. */
public final class Params {

  private Params() {
  }

  public static int pathInt(RoutingContext ctx, String name) {
    return parseInt(name, ctx.pathParam(name));
  }

  public static long pathLong(RoutingContext ctx, String name) {
    return parseLong(name, ctx.pathParam(name));
  }

  /** The first non-blank value of the parameter, trimmed, or null. */
  public static String string(MultiMap params, String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  public static Integer optionalInt(MultiMap params, String name) {
    String value = string(params, name);
    return value == null ? null : parseInt(name, value);
  }

  public static Long optionalLong(MultiMap params, String name) {
    String value = string(params, name);
    return value == null ? null : parseLong(name, value);
  }

  /** {@code true} for the values true, 1, yes and on (any case). */
  public static boolean flag(MultiMap params, String name) {
    String value = string(params, name);
    return value != null && switch (value.toLowerCase()) {
      case "true", "1", "yes", "on" -> true;
      default -> false;
    };
  }

  static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer, got '" + value + "'");
    }
  }

  static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer, got '" + value + "'");
    }
  }
}
