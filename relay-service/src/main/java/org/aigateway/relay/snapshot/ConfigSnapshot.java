package org.aigateway.relay.snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Token;

/**
 * An immutable copy of the configuration the relay serves from. Changes produce a new snapshot
 * (copy on write) that the {@link SnapshotStore} swaps in atomically, so a request reads one
 * consistent version without locks.
 */
public final class ConfigSnapshot {

  /** A snapshot with nothing in it. */
  public static final ConfigSnapshot EMPTY = of(List.of(), List.of(), List.of(), List.of());

  private final Map<Long, Token> tokensById;
  private final Map<String, Token> tokensByKey;
  private final Map<String, Group> groups;
  private final Map<String, ModelConfig> modelConfigs;
  private final Map<Integer, Channel> channels;
  private final Map<String, List<Channel>> enabledByModel;

  private ConfigSnapshot(Map<Long, Token> tokensById, Map<String, Token> tokensByKey, Map<String, Group> groups,
                         Map<String, ModelConfig> modelConfigs, Map<Integer, Channel> channels,
                         Map<String, List<Channel>> enabledByModel) {
    this.tokensById = tokensById;
    this.tokensByKey = tokensByKey;
    this.groups = groups;
    this.modelConfigs = modelConfigs;
    this.channels = channels;
    this.enabledByModel = enabledByModel;
  }

  public static ConfigSnapshot of(List<Channel> channels, List<Group> groups, List<Token> tokens,
                                  List<ModelConfig> modelConfigs) {
    Map<Long, Token> tokenMap = new HashMap<>();
    tokens.forEach(t -> tokenMap.put(t.id(), t));
    Map<String, Group> groupMap = new HashMap<>();
    groups.forEach(g -> groupMap.put(g.id(), g));
    Map<String, ModelConfig> configMap = new HashMap<>();
    modelConfigs.forEach(c -> configMap.put(c.model(), c));
    Map<Integer, Channel> channelMap = new HashMap<>();
    channels.forEach(c -> channelMap.put(c.id(), c));
    return new ConfigSnapshot(Map.copyOf(tokenMap), byKey(tokenMap), Map.copyOf(groupMap), Map.copyOf(configMap),
        Map.copyOf(channelMap), ChannelIndex.enabledByModel(channelMap.values()));
  }

  /** The token with this key, or {@code null}. */
  public Token token(String key) {
    return tokensByKey.get(key);
  }

  public Group group(String id) {
    return groups.get(id);
  }

  public ModelConfig modelConfig(String model) {
    return modelConfigs.get(model);
  }

  /** Enabled channels listing {@code model}, in any set. */
  public List<Channel> enabledChannels(String model) {
    return enabledByModel.getOrDefault(model, List.of());
  }

  /** Every model some enabled channel serves. */
  public Map<String, List<Channel>> enabledByModel() {
    return enabledByModel;
  }

  public int tokenCount() {
    return tokensById.size();
  }

  public ConfigSnapshot withToken(Token token) {
    return withTokens(m -> m.put(token.id(), token));
  }

  public ConfigSnapshot withoutToken(long id) {
    return withTokens(m -> m.remove(id));
  }

  public ConfigSnapshot withGroup(Group group) {
    Map<String, Group> copy = new HashMap<>(groups);
    copy.put(group.id(), group);
    return new ConfigSnapshot(tokensById, tokensByKey, Map.copyOf(copy), modelConfigs, channels, enabledByModel);
  }

  /** Drops the group and its tokens, as deleting a group deletes its tokens. */
  public ConfigSnapshot withoutGroup(String id) {
    Map<String, Group> copy = new HashMap<>(groups);
    copy.remove(id);
    Map<Long, Token> tokens = new HashMap<>(tokensById);
    tokens.values().removeIf(t -> id.equals(t.group()));
    return new ConfigSnapshot(Map.copyOf(tokens), byKey(tokens), Map.copyOf(copy), modelConfigs, channels,
        enabledByModel);
  }

  public ConfigSnapshot withModelConfig(ModelConfig config) {
    return withModelConfigs(m -> m.put(config.model(), config));
  }

  public ConfigSnapshot withoutModelConfig(String model) {
    return withModelConfigs(m -> m.remove(model));
  }

  public ConfigSnapshot withChannel(Channel channel) {
    return withChannels(m -> m.put(channel.id(), channel));
  }

  public ConfigSnapshot withoutChannel(int id) {
    return withChannels(m -> m.remove(id));
  }

  private ConfigSnapshot withTokens(Consumer<Map<Long, Token>> change) {
    Map<Long, Token> copy = new HashMap<>(tokensById);
    change.accept(copy);
    return new ConfigSnapshot(Map.copyOf(copy), byKey(copy), groups, modelConfigs, channels, enabledByModel);
  }

  private ConfigSnapshot withModelConfigs(Consumer<Map<String, ModelConfig>> change) {
    Map<String, ModelConfig> copy = new HashMap<>(modelConfigs);
    change.accept(copy);
    return new ConfigSnapshot(tokensById, tokensByKey, groups, Map.copyOf(copy), channels, enabledByModel);
  }

  /** A channel change rebuilds the model index. */
  private ConfigSnapshot withChannels(Consumer<Map<Integer, Channel>> change) {
    Map<Integer, Channel> copy = new HashMap<>(channels);
    change.accept(copy);
    return new ConfigSnapshot(tokensById, tokensByKey, groups, modelConfigs, Map.copyOf(copy),
        ChannelIndex.enabledByModel(copy.values()));
  }

  /** Keys are {@code char(48)} in the database; padding is not part of the key. */
  static String normaliseKey(String key) {
    return key == null ? "" : key.strip();
  }

  private static Map<String, Token> byKey(Map<Long, Token> tokens) {
    Map<String, Token> map = new HashMap<>(tokens.size() * 2);
    tokens.values().forEach(t -> map.put(normaliseKey(t.key()), t));
    return Map.copyOf(map);
  }
}
