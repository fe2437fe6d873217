package org.aigateway.admin.channel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.aigateway.admin.http.Fields;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Status;

/** A validated channel as the admin sent it, before it has an id. */
public record ChannelDraft(int type, String name, String key, String baseUrl, List<String> models,
                           Map<String, String> modelMapping, int priority, int status, List<String> sets,
                           boolean enabledNoPermissionBan, double maxErrorRate) {

  static final int NAME_MAX = 64;
  static final int BASE_URL_MAX = 128;

  /** Validates {@code json}; every problem is a 400 naming the field (after {@code prefix}). */
  public static ChannelDraft parse(JsonObject json, String prefix) {
    Fields fields = Fields.of(json, prefix);
    int type = fields.requiredInt("type");
    if (type <= 0) {
      throw fields.invalid("type", "must be a positive channel type");
    }
    List<String> sets = fields.strings("sets");
    return new ChannelDraft(type,
        fields.string("name", NAME_MAX, ""),
        fields.string("key", Integer.MAX_VALUE, "").trim(),
        baseUrl(fields),
        models(fields),
        fields.stringMap("model_mapping"),
        fields.integer("priority", 0),
        fields.status("status", Status.ENABLED),
        sets.isEmpty() ? List.of(Channel.DEFAULT_SET) : sets,
        fields.bool("enabled_no_permission_ban", false),
        maxErrorRate(fields));
  }

  /** One draft per non-empty line of the key, as the original creates one channel per key line. */
  public List<ChannelDraft> splitKeys() {
    List<ChannelDraft> drafts = new ArrayList<>();
    for (String line : key.split("\\R")) {
      if (!line.isBlank()) {
        drafts.add(withKey(line.trim()));
      }
    }
    return drafts.isEmpty() ? List.of(this) : drafts;
  }

  Tuple toTuple() {
    return Tuple.of(type, name, key, baseUrl, new JsonArray(models), new JsonObject(Map.copyOf(modelMapping)))
        .addValue(priority).addValue(status).addValue(new JsonArray(sets)).addValue(enabledNoPermissionBan)
        .addValue(maxErrorRate);
  }

  private ChannelDraft withKey(String newKey) {
    return new ChannelDraft(type, name, newKey, baseUrl, models, modelMapping, priority, status, sets,
        enabledNoPermissionBan, maxErrorRate);
  }

  /** A fraction of requests: 0 leaves the relay's global rule in charge. */
  private static double maxErrorRate(Fields fields) {
    double rate = fields.nonNegativeDecimal("max_error_rate", BigDecimal.ZERO).doubleValue();
    if (rate > 1) {
      throw fields.invalid("max_error_rate", "must be between 0 and 1");
    }
    return rate;
  }

  private static List<String> models(Fields fields) {
    List<String> models = fields.strings("models");
    if (models.stream().anyMatch(String::isBlank)) {
      throw fields.invalid("models", "must not contain empty model names");
    }
    return List.copyOf(new LinkedHashSet<>(models));
  }

  private static String baseUrl(Fields fields) {
    String url = fields.string("base_url", BASE_URL_MAX, "").trim();
    if (!url.isEmpty() && !isHttpUrl(url)) {
      throw fields.invalid("base_url", "must be an http or https URL");
    }
    return url;
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
