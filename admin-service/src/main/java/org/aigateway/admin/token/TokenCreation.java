package org.aigateway.admin.token;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import org.aigateway.admin.bus.ConfigEvents;
import org.aigateway.admin.group.GroupRepository;
import org.aigateway.admin.http.ApiException;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.model.Token;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.config.ConfigReader.Projection;

/**
 * Creates a token with a fresh key in a group: optionally creating the group first
 * ({@code auto_create_group}) or returning the group's token of the same name ({@code ignore_exist}).
 * A group holds at most {@code GROUP_MAX_TOKEN_NUM} tokens (0: any number); one more is a 403.
 */
public final class TokenCreation {

  private final TokenRepository tokens;
  private final GroupRepository groups;
  private final ConfigReader reader;
  private final ConfigEvents events;
  private final int maxPerGroup;

  public TokenCreation(TokenRepository tokens, GroupRepository groups, ConfigReader reader, ConfigEvents events,
                       int maxPerGroup) {
    this.tokens = tokens;
    this.groups = groups;
    this.reader = reader;
    this.events = events;
    this.maxPerGroup = maxPerGroup;
  }

  public Future<Token> create(String group, TokenDraft draft, boolean autoCreateGroup, boolean ignoreExist) {
    return ensureGroup(group, autoCreateGroup)
        .compose(v -> ignoreExist ? byName(group, draft.name()) : Future.succeededFuture(Optional.<Token>empty()))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> insert(group, draft)));
  }

  private Future<Void> ensureGroup(String group, boolean autoCreate) {
    return reader.group(group).compose(found -> {
      if (found.isPresent()) {
        return Future.succeededFuture();
      }
      if (!autoCreate) {
        return Future.failedFuture(ApiException.notFound("group " + group + " not found"));
      }
      return groups.insertIfAbsent(group).map(created -> {
        if (created) {
          events.upserted(Kind.GROUP, group);
        }
        return null;
      });
    });
  }

  private Future<Optional<Token>> byName(String group, String name) {
    return reader.query(Projection.TOKENS, "WHERE t.group_id = $1 AND t.name = $2", Tuple.of(group, name),
            Token::fromJson)
        .map(List::stream)
        .map(found -> found.findFirst());
  }

  private Future<Token> insert(String group, TokenDraft draft) {
    return tokens.insertWithin(group, TokenKeys.generate(), draft, maxPerGroup)
        .compose(inserted -> inserted.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
            ApiException.forbidden("group " + group + " already has " + maxPerGroup
                + " tokens, the most GROUP_MAX_TOKEN_NUM allows"))))
        .compose(id -> {
          events.upserted(Kind.TOKEN, id);
          return reader.token(id);
        })
        .map(Optional::orElseThrow);
  }
}
