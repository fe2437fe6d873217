package org.aigateway.relay.auth;

import io.vertx.core.Future;
import java.util.Optional;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.Token;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.snapshot.ConfigSnapshot;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.runtime.config.ConfigReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the caller for a key: in the snapshot first; a key not there is looked up in the database
 * once (a token created a moment ago works before its event arrives), and a key found nowhere is
 * remembered briefly in a negative cache that every token event clears.
 */
public final class TokenResolver {

  private static final Logger LOG = LoggerFactory.getLogger(TokenResolver.class);
  private static final int MAX_KEY_LENGTH = Token.KEY_LENGTH;
  private static final int NEGATIVE_ENTRIES = 10_000;
  private static final long NEGATIVE_TTL_MS = 10_000;

  private final SnapshotStore store;
  private final ConfigReader reader;
  private final NegativeCache unknownKeys = new NegativeCache(NEGATIVE_ENTRIES, NEGATIVE_TTL_MS);

  public TokenResolver(SnapshotStore store) {
    this.store = store;
    this.reader = store.reader();
    store.onTokenChange(unknownKeys::clear);
  }

  /** The caller, or a failed future with a 401 (or 503 when the database cannot be asked). */
  public Future<Caller> resolve(String key) {
    ConfigSnapshot snapshot = store.current();
    Token token = snapshot.token(key);
    if (token != null) {
      return check(token, snapshot.group(token.group()));
    }
    if (key.length() > MAX_KEY_LENGTH || unknownKeys.contains(key)) {
      return Future.failedFuture(OpenAiErrors.invalidKey("Incorrect API key provided."));
    }
    return reader.tokenByKey(key)
        .recover(this::databaseDown)
        .compose(found -> found.isPresent() ? fromDatabase(found.get()) : unknown(key));
  }

  private Future<Caller> fromDatabase(Token token) {
    Group cached = store.current().group(token.group());
    Future<Optional<Group>> group = cached != null ? Future.succeededFuture(Optional.of(cached))
        : reader.group(token.group()).recover(this::databaseDown);
    return group.compose(g -> {
      g.ifPresent(found -> store.learn(token, found));
      return check(token, g.orElse(null));
    });
  }

  private Future<Caller> unknown(String key) {
    unknownKeys.add(key);
    return Future.failedFuture(OpenAiErrors.invalidKey("Incorrect API key provided."));
  }

  private static Future<Caller> check(Token token, Group group) {
    if (!token.enabled()) {
      return Future.failedFuture(OpenAiErrors.invalidKey("The API key is disabled."));
    }
    if (group == null || !group.enabled()) {
      return Future.failedFuture(OpenAiErrors.invalidKey("The group of this API key is disabled."));
    }
    return Future.succeededFuture(new Caller(token, group, false));
  }

  private <T> Future<T> databaseDown(Throwable err) {
    LOG.warn("Could not look up a key in the database", err);
    return Future.failedFuture(OpenAiErrors.unavailable("The key could not be verified right now; please retry."));
  }
}
