package org.aigateway.relay.snapshot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.aigateway.protocol.config.Settings;
import org.aigateway.protocol.model.Channel;

/**
 * {@code DEFAULT_CHANNEL_MODELS} and {@code DEFAULT_CHANNEL_MODEL_MAPPING}: JSON objects keyed by
 * channel type ({@code {"14": ["claude-sonnet-4-5"]}}, {@code {"14": {"claude": "claude-sonnet-4-5"}}})
 * giving the models and the mapping of a channel that has none of its own.
 */
public record ChannelDefaults(Map<Integer, List<String>> models, Map<Integer, Map<String, String>> mappings)
    implements UnaryOperator<Channel> {

  public static final ChannelDefaults NONE = new ChannelDefaults(Map.of(), Map.of());

  public ChannelDefaults {
    models = Map.copyOf(models);
    mappings = Map.copyOf(mappings);
  }

  /** @throws IllegalArgumentException when a setting is not a JSON object of the expected shape */
  public static ChannelDefaults from(Settings settings) {
    Map<Integer, List<String>> models = new HashMap<>();
    settings.json("DEFAULT_CHANNEL_MODELS").forEach(entry -> {
      if (!(entry.getValue() instanceof JsonArray list)) {
        throw new IllegalArgumentException("DEFAULT_CHANNEL_MODELS must map channel types to arrays of models");
      }
      models.put(type("DEFAULT_CHANNEL_MODELS", entry.getKey()), list.stream().map(String::valueOf).toList());
    });
    Map<Integer, Map<String, String>> mappings = new HashMap<>();
    settings.json("DEFAULT_CHANNEL_MODEL_MAPPING").forEach(entry -> {
      if (!(entry.getValue() instanceof JsonObject mapping)) {
        throw new IllegalArgumentException("DEFAULT_CHANNEL_MODEL_MAPPING must map channel types to objects");
      }
      Map<String, String> renames = new HashMap<>();
      mapping.forEach(rename -> renames.put(rename.getKey(), String.valueOf(rename.getValue())));
      mappings.put(type("DEFAULT_CHANNEL_MODEL_MAPPING", entry.getKey()), renames);
    });
    return new ChannelDefaults(models, mappings);
  }

  private static int type(String setting, String key) {
    try {
      return Integer.parseInt(key.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(setting + " keys must be channel type numbers, got '" + key + "'", e);
    }
  }

  /** The channel with its type's default models and mapping where it has none. */
  @Override
  public Channel apply(Channel channel) {
    List<String> defaultModels = channel.models().isEmpty() ? models.get(channel.type()) : null;
    Map<String, String> defaultMapping = channel.modelMapping().isEmpty() ? mappings.get(channel.type()) : null;
    if (defaultModels == null && defaultMapping == null) {
      return channel;
    }
    return new Channel(channel.id(), channel.type(), channel.name(), channel.key(), channel.baseUrl(),
        defaultModels != null ? defaultModels : channel.models(),
        defaultMapping != null ? defaultMapping : channel.modelMapping(), channel.priority(), channel.status(),
        channel.sets(), channel.createdAt(), channel.enabledNoPermissionBan(), channel.maxErrorRate());
  }
}
