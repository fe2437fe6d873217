package org.aigateway.relay.auth;

import java.util.List;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.Token;

/**
 * Who is calling: a token of an enabled group, or an internal caller (admin key or internal token)
 * who may use every set and model.
 */
public record Caller(Token token, Group group, boolean internal) {

  /** The routing context key under which the authenticated caller is stored. */
  public static final String KEY = "relay.caller";
  /** The group and token name recorded for internal callers. */
  public static final String INTERNAL = "internal";

  public static Caller internalCaller() {
    return new Caller(null, null, true);
  }

  public String groupId() {
    return internal ? INTERNAL : group.id();
  }

  public long tokenId() {
    return internal ? 0 : token.id();
  }

  public String tokenName() {
    return internal ? INTERNAL : token.name();
  }

  /** Whether the token's model list lets it call {@code model}. */
  public boolean allows(String model) {
    return internal || token.allows(model);
  }

  /** Whether {@code channel} is in one of the group's available sets. */
  public boolean canUse(Channel channel) {
    if (internal) {
      return true;
    }
    List<String> sets = group.availableSets();
    for (String set : channel.sets()) {
      if (sets.contains(set)) {
        return true;
      }
    }
    return false;
  }
}
