package org.aigateway.admin.channel;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aigateway.admin.http.ApiException;
import org.aigateway.runtime.config.ConfigReader;
import org.aigateway.runtime.config.ConfigReader.Projection;

/**
 * Channels may only serve models that have a model config, unless {@code DISABLE_MODEL_CONFIG}
 * is set (then any model is valid).
 */
public final class ModelCheck {

  private final ConfigReader reader;
  private final boolean disabled;

  public ModelCheck(ConfigReader reader, boolean disabled) {
    this.reader = reader;
    this.disabled = disabled;
  }

  /** Fails with a 400 naming the first model without a config. */
  public Future<Void> requireConfigured(Collection<String> models) {
    if (disabled || models.isEmpty()) {
      return Future.succeededFuture();
    }
    Set<String> wanted = new LinkedHashSet<>(models);
    return reader.query(Projection.MODEL_CONFIGS, "WHERE t.model = ANY($1)",
            Tuple.of(wanted.toArray(String[]::new)), json -> json.getString("model"))
        .compose(found -> missing(wanted, found));
  }

  private static Future<Void> missing(Set<String> wanted, List<String> found) {
    wanted.removeAll(found);
    if (wanted.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(ApiException.badRequest(
        "models contains '" + wanted.iterator().next() + "', which has no model config"));
  }
}
