package org.aigateway.relay.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.Token;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigSnapshotTest {

  private static Token token(long id, String key, String group) {
    return new Token(id, key, "t" + id, group, List.of(), List.of(), 1, BigDecimal.ZERO, BigDecimal.ZERO, "monthly", 0);
  }

  private static Channel channel(int id, int status, List<String> models) {
    return new Channel(id, 1, "c", "k", "", models, Map.of(), 0, status, List.of("default"), 0, false, 0);
  }

  private static Group group(String id) {
    return new Group(id, 1, 1, 1, List.of("default"), false, BigDecimal.ZERO, 0);
  }

  @Test
  @DisplayName("Tokens are found by key (padding ignored), replaced by id, and dropped with their group")
  void tokens() {
    ConfigSnapshot snapshot = ConfigSnapshot.of(List.of(), List.of(group("g"), group("h")),
        List.of(token(1, "abc   ", "g"), token(2, "def", "h")), List.of());
    assertThat(snapshot.token("abc")).isNotNull();

    ConfigSnapshot rekeyed = snapshot.withToken(token(1, "xyz", "g"));
    assertThat(rekeyed.token("abc")).isNull();
    assertThat(rekeyed.token("xyz")).isNotNull();

    ConfigSnapshot withoutG = rekeyed.withoutGroup("g");
    assertThat(withoutG.token("xyz")).isNull();
    assertThat(withoutG.group("g")).isNull();
    assertThat(withoutG.token("def")).isNotNull();
    assertThat(snapshot.token("abc")).as("the old snapshot is unchanged").isNotNull();
  }

  @Test
  @DisplayName("The model index holds enabled channels only and follows channel changes")
  void channelIndex() {
    ConfigSnapshot snapshot = ConfigSnapshot.of(List.of(channel(1, 1, List.of("a", "b")), channel(2, 2, List.of("a"))),
        List.of(), List.of(), List.of());
    assertThat(snapshot.enabledChannels("a")).extracting(Channel::id).containsExactly(1);

    ConfigSnapshot changed = snapshot.withChannel(channel(2, 1, List.of("a"))).withoutChannel(1);
    assertThat(changed.enabledChannels("a")).extracting(Channel::id).containsExactly(2);
    assertThat(changed.enabledChannels("b")).isEmpty();
  }
}
