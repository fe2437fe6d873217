package org.aigateway.admin.listing;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause built from optional filters, with {@code $n} placeholders; a null filter value
 * adds nothing. Column names come from code, values only ever travel as parameters.
 */
public final class Where {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  public Where equal(String column, Object value) {
    if (value != null) {
      params.add(value);
      conditions.add(column + " = $" + params.size());
    }
    return this;
  }

  /** Case-insensitive substring match; {@code %} and {@code _} in the value match literally. */
  public Where contains(String column, String value) {
    if (value != null && !value.isEmpty()) {
      params.add(value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
      conditions.add(column + " ILIKE '%' || $" + params.size() + " || '%'");
    }
    return this;
  }

  /** The clause ({@code WHERE a AND b}), empty when no filter is set. */
  public String sql() {
    return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
  }

  /** The number of parameters bound so far; the next placeholder is this plus one. */
  public int size() {
    return params.size();
  }

  /** The filter values followed by {@code extra}. */
  public Tuple params(Object... extra) {
    Tuple tuple = Tuple.tuple();
    params.forEach(tuple::addValue);
    for (Object value : extra) {
      tuple.addValue(value);
    }
    return tuple;
  }
}
