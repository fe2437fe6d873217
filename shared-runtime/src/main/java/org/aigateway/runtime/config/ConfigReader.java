package org.aigateway.runtime.config;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.GroupModelConfig;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Token;

/**
 * The one read path of the configuration tables that admin-service owns and migrates (channels,
 * groups, tokens, model configs, group model configs). Admin-service reads through it; relays load
 * their snapshot with it. Each row is projected to the JSON of its shared record, timestamps as
 * epoch milliseconds and money as decimal strings (a JSON number would be read back as a double).
 */
public final class ConfigReader {

  private static final String CREATED = "(extract(epoch from t.created_at) * 1000)::bigint";
  private static final String UPDATED = "(extract(epoch from t.updated_at) * 1000)::bigint";
  private static final String CHANNEL = "SELECT to_jsonb(t) || jsonb_build_object('created_at', " + CREATED
      + ") FROM channels t";
  private static final String GROUP = "SELECT to_jsonb(t) || jsonb_build_object('created_at', " + CREATED
      + ", 'balance', " + text("balance") + ", 'balance_alert_threshold', " + text("balance_alert_threshold")
      + ") FROM groups t";
  private static final String TOKEN = "SELECT to_jsonb(t) - 'group_id' || jsonb_build_object('group', t.group_id, "
      + "'created_at', " + CREATED + ", 'quota', " + text("quota") + ", 'period_quota', " + text("period_quota")
      + ") FROM tokens t";
  private static final String MODEL_CONFIG = "SELECT to_jsonb(t) || jsonb_build_object('created_at', " + CREATED
      + ", 'updated_at', " + UPDATED + ") FROM model_configs t";
  private static final String GROUP_MODEL_CONFIG = "SELECT to_jsonb(t) || jsonb_build_object('created_at', "
      + CREATED + ", 'updated_at', " + UPDATED + ") FROM group_model_configs t";

  private final Pool pool;

  public ConfigReader(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Channel>> channels() {
    return list(CHANNEL + " ORDER BY t.id", Tuple.tuple(), Channel::fromJson);
  }

  public Future<Optional<Channel>> channel(int id) {
    return one(CHANNEL + " WHERE t.id = $1", Tuple.of(id), Channel::fromJson);
  }

  public Future<List<Group>> groups() {
    return list(GROUP + " ORDER BY t.id", Tuple.tuple(), Group::fromJson);
  }

  public Future<Optional<Group>> group(String id) {
    return one(GROUP + " WHERE t.id = $1", Tuple.of(id), Group::fromJson);
  }

  public Future<List<Token>> tokens() {
    return list(TOKEN + " ORDER BY t.id", Tuple.tuple(), Token::fromJson);
  }

  public Future<Optional<Token>> token(long id) {
    return one(TOKEN + " WHERE t.id = $1", Tuple.of(id), Token::fromJson);
  }

  public Future<Optional<Token>> tokenByKey(String key) {
    return one(TOKEN + " WHERE t.key = $1", Tuple.of(key), Token::fromJson);
  }

  public Future<List<ModelConfig>> modelConfigs() {
    return list(MODEL_CONFIG + " ORDER BY t.model", Tuple.tuple(), ModelConfig::fromJson);
  }

  public Future<Optional<ModelConfig>> modelConfig(String model) {
    return one(MODEL_CONFIG + " WHERE t.model = $1", Tuple.of(model), ModelConfig::fromJson);
  }

  public Future<List<GroupModelConfig>> groupModelConfigs() {
    return list(GROUP_MODEL_CONFIG + " ORDER BY t.group_id, t.model", Tuple.tuple(), GroupModelConfig::fromJson);
  }

  public Future<List<GroupModelConfig>> groupModelConfigs(String group) {
    return list(GROUP_MODEL_CONFIG + " WHERE t.group_id = $1 ORDER BY t.model", Tuple.of(group),
        GroupModelConfig::fromJson);
  }

  public Future<Optional<GroupModelConfig>> groupModelConfig(String group, String model) {
    return one(GROUP_MODEL_CONFIG + " WHERE t.group_id = $1 AND t.model = $2", Tuple.of(group, model),
        GroupModelConfig::fromJson);
  }

  /**
   * Runs a query whose first column is one of the projections above with extra clauses, for
   * filtered and paged admin listings; {@code projection} is one of {@link Projection}.
   */
  public <T> Future<List<T>> query(Projection projection, String clauses, Tuple params, Function<JsonObject, T> mapper) {
    return list(projection.sql + " " + clauses, params, mapper);
  }

  /** The row projections, for callers that add their own WHERE, ORDER BY and LIMIT. */
  public enum Projection {
    CHANNELS(CHANNEL), GROUPS(GROUP), TOKENS(TOKEN), MODEL_CONFIGS(MODEL_CONFIG),
    GROUP_MODEL_CONFIGS(GROUP_MODEL_CONFIG);

    private final String sql;

    Projection(String sql) {
      this.sql = sql;
    }
  }

  /**
   * A numeric column as exact text, read from the row's JSON so that a column a newer admin schema
   * adds is simply null against an older one.
   */
  private static String text(String column) {
    return "(to_jsonb(t) ->> '" + column + "')";
  }

  private <T> Future<List<T>> list(String sql, Tuple params, Function<JsonObject, T> mapper) {
    return pool.preparedQuery(sql).execute(params).map(rows -> map(rows, mapper));
  }

  private <T> Future<Optional<T>> one(String sql, Tuple params, Function<JsonObject, T> mapper) {
    return list(sql, params, mapper).map(items -> items.stream().findFirst());
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<JsonObject, T> mapper) {
    List<T> items = new ArrayList<>(rows.size());
    for (Row row : rows) {
      items.add(mapper.apply((JsonObject) row.getValue(0)));
    }
    return items;
  }
}
