package org.aigateway.relay.limit;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run by its SHA1 ({@code EVALSHA}), so each call sends only the digest. When Redis
 * answers {@code NOSCRIPT} (a restart, a failover, {@code SCRIPT FLUSH}) the call is repeated once
 * as {@code EVAL} with the source, which also caches the script on the node that ran it: unlike
 * {@code SCRIPT LOAD}, which a cluster client sends to an arbitrary node, that node is the one that
 * owns the keys. {@link #load} preloads with {@code SCRIPT LOAD} at start.
 */
public final class LuaScript {

  private final String source;
  private final String sha;

  LuaScript(String source) {
    this.source = source;
    this.sha = sha1(source);
  }

  /** A script from this package's resources. */
  static LuaScript resource(String name) {
    return resource(LuaScript.class, name);
  }

  /** A script from the resources of {@code anchor}'s package. */
  public static LuaScript resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name);
      }
      return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String sha() {
    return sha;
  }

  /** Runs the script; a client that throws instead of failing its future (closed, say) yields a failed future. */
  public Future<Response> eval(Redis redis, List<String> keys, long... args) {
    return send(redis, withArgs(Request.cmd(Command.EVALSHA).arg(sha), keys, args))
        .recover(err -> isNoScript(err)
            ? send(redis, withArgs(Request.cmd(Command.EVAL).arg(source), keys, args))
            : Future.failedFuture(err));
  }

  /** As {@link #eval(Redis, List, long...)}, with text arguments. */
  public Future<Response> eval(Redis redis, List<String> keys, String... args) {
    return send(redis, withArgs(Request.cmd(Command.EVALSHA).arg(sha), keys, args))
        .recover(err -> isNoScript(err)
            ? send(redis, withArgs(Request.cmd(Command.EVAL).arg(source), keys, args))
            : Future.failedFuture(err));
  }

  private static Future<Response> send(Redis redis, Request request) {
    try {
      return redis.send(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  public Future<Void> load(Redis redis) {
    return send(redis, Request.cmd(Command.SCRIPT).arg("LOAD").arg(source)).mapEmpty();
  }

  private static Request withArgs(Request request, List<String> keys, long... args) {
    request.arg(keys.size());
    keys.forEach(request::arg);
    for (long arg : args) {
      request.arg(arg);
    }
    return request;
  }

  private static Request withArgs(Request request, List<String> keys, String... args) {
    request.arg(keys.size());
    keys.forEach(request::arg);
    for (String arg : args) {
      request.arg(arg);
    }
    return request;
  }

  private static boolean isNoScript(Throwable err) {
    return err.getMessage() != null && err.getMessage().startsWith("NOSCRIPT");
  }

  private static String sha1(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JRE", e);
    }
  }
}
