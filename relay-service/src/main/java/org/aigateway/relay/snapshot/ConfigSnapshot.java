package org.aigateway.relay.snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.GroupModelConfig;
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
  /** Keyed by {@link GroupModelConfig#id}. */
  private final Map<String, GroupModelConfig> groupModelConfigs;

  private ConfigSnapshot(Map<Long, Token> tokensById, Map<String, Token> tokensByKey, Map<String, Group> groups,
                         Map<String, ModelConfig> modelConfigs, Map<Integer, Channel> channels,
                         Map<String, List<Channel>> enabledByModel, Map<String, GroupModelConfig> groupModelConfigs) {
    this.tokensById = tokensById;
    this.tokensByKey = tokensByKey;
    this.groups = groups;
    this.modelConfigs = modelConfigs;
    this.channels = channels;
    this.enabledByModel = enabledByModel;
    this.groupModelConfigs = groupModelConfigs;
  }

  public static ConfigSnapshot of(List<Channel> channels, List<Group> groups, List<Token> tokens,
                                  List<ModelConfig> modelConfigs) {
    return of(channels, groups, tokens, modelConfigs, List.of());
  }

  public static ConfigSnapshot of(List<Channel> channels, List<Group> groups, List<Token> tokens,
                                  List<ModelConfig> modelConfigs, List<GroupModelConfig> groupModelConfigs) {
    Map<Long, Token> tokenMap = new HashMap<>();
    tokens.forEach(t -> tokenMap.put(t.id(), t));
    Map<String, Group> groupMap = new HashMap<>();
    groups.forEach(g -> groupMap.put(g.id(), g));
    Map<String, ModelConfig> configMap = new HashMap<>();
    modelConfigs.forEach(c -> configMap.put(c.model(), c));
    Map<Integer, Channel> channelMap = new HashMap<>();
    channels.forEach(c -> channelMap.put(c.id(), c));
    Map<String, GroupModelConfig> overrides = new HashMap<>();
    groupModelConfigs.forEach(c -> overrides.put(c.id(), c));
    return new ConfigSnapshot(Map.copyOf(tokenMap), byKey(tokenMap), Map.copyOf(groupMap), Map.copyOf(configMap),
        Map.copyOf(channelMap), ChannelIndex.enabledByModel(channelMap.values()), Map.copyOf(overrides));
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

  /** The group's overrides of {@code model}'s config, or {@code null}. */
  public GroupModelConfig groupModelConfig(String group, String model) {
    return groupModelConfigs.isEmpty() ? null : groupModelConfigs.get(GroupModelConfig.id(group, model));
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
    return new ConfigSnapshot(tokensById, tokensByKey, Map.copyOf(copy), modelConfigs, channels, enabledByModel,
        groupModelConfigs);
  }

  /** Drops the group, its tokens and its model config overrides, as deleting a group deletes them. */
  public ConfigSnapshot withoutGroup(String id) {
    Map<String, Group> copy = new HashMap<>(groups);
    copy.remove(id);
    Map<Long, Token> tokens = new HashMap<>(tokensById);
    tokens.values().removeIf(t -> id.equals(t.group()));
    Map<String, GroupModelConfig> overrides = new HashMap<>(groupModelConfigs);
    overrides.values().removeIf(c -> id.equals(c.group()));
    return new ConfigSnapshot(Map.copyOf(tokens), byKey(tokens), Map.copyOf(copy), modelConfigs, channels,
        enabledByModel, Map.copyOf(overrides));
  }

  public ConfigSnapshot withGroupModelConfig(GroupModelConfig config) {
    return withGroupModelConfigs(m -> m.put(config.id(), config));
  }

  /** Without the override of this {@link GroupModelConfig#id}. */
  public ConfigSnapshot withoutGroupModelConfig(String id) {
    return withGroupModelConfigs(m -> m.remove(id));
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
    return new ConfigSnapshot(Map.copyOf(copy), byKey(copy), groups, modelConfigs, channels, enabledByModel,
        groupModelConfigs);
  }

  private ConfigSnapshot withModelConfigs(Consumer<Map<String, ModelConfig>> change) {
    Map<String, ModelConfig> copy = new HashMap<>(modelConfigs);
    change.accept(copy);
    return new ConfigSnapshot(tokensById, tokensByKey, groups, Map.copyOf(copy), channels, enabledByModel,
        groupModelConfigs);
  }

  private ConfigSnapshot withGroupModelConfigs(Consumer<Map<String, GroupModelConfig>> change) {
    Map<String, GroupModelConfig> copy = new HashMap<>(groupModelConfigs);
    change.accept(copy);
    return new ConfigSnapshot(tokensById, tokensByKey, groups, modelConfigs, channels, enabledByModel,
        Map.copyOf(copy));
  }

  /** A channel change rebuilds the model index. */
  private ConfigSnapshot withChannels(Consumer<Map<Integer, Channel>> change) {
    Map<Integer, Channel> copy = new HashMap<>(channels);
    change.accept(copy);
    return new ConfigSnapshot(tokensById, tokensByKey, groups, modelConfigs, Map.copyOf(copy),
        ChannelIndex.enabledByModel(copy.values()), groupModelConfigs);
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
