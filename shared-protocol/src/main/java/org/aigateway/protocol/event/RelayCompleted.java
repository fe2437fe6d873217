package org.aigateway.protocol.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.aigateway.protocol.Json;
import org.aigateway.protocol.Versioned;
import org.aigateway.protocol.model.Amount;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Usage;

/**
 * Everything known about one relayed request once it has ended: who called, which channel served
 * it, what it used and cost. The relay emits exactly one per request; consumers are idempotent by
 * {@code requestId}.
 *
 * @param requestAt       epoch milliseconds when the request arrived
 * @param ttfbMs          milliseconds until the first byte went to the client, 0 if none did
 * @param durationMs      milliseconds until the response ended
 * @param status          the HTTP status the client saw (for a broken stream: the failure's status)
 * @param usageEstimated  the usage was counted by the gateway because the upstream gave none
 * @param truncated       a stream ended early: the client got an error event and no end marker
 * @param content         the error message of a failed request, else {@code null}
 * @param requestBody     the stored request body, {@code null} when not stored
 * @param responseBody    the stored response body, {@code null} when not stored
 * @param tokenPeriodType   the token's {@code period_type} when the request ran, so that billing can
 *                          keep its period spend; {@code null} when unknown (billing then assumes monthly)
 * @param tokenPeriodAnchor epoch milliseconds weekly periods count from: the token's creation time
 */
public record RelayCompleted(String requestId, long requestAt, long ttfbMs, long durationMs,
                             String groupId, long tokenId, String tokenName, int channelId,
                             String model, String actualModel, int mode, String endpoint, int status,
                             boolean stream, String clientIp, String upstreamId, Usage usage,
                             boolean usageEstimated, boolean truncated, Price price, Amount amount,
                             String content, List<Attempt> attempts, String requestBody, String responseBody,
                             String tokenPeriodType, long tokenPeriodAnchor) {

  /** Schema version written by this code. */
  public static final int VERSION = 1;

  /** The attempts are copied (a no-op for an unmodifiable list): events are shared between threads as they are. */
  public RelayCompleted {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** An event without the token's period (the first schema's fields). */
  public RelayCompleted(String requestId, long requestAt, long ttfbMs, long durationMs,
                        String groupId, long tokenId, String tokenName, int channelId,
                        String model, String actualModel, int mode, String endpoint, int status,
                        boolean stream, String clientIp, String upstreamId, Usage usage,
                        boolean usageEstimated, boolean truncated, Price price, Amount amount,
                        String content, List<Attempt> attempts, String requestBody, String responseBody) {
    this(requestId, requestAt, ttfbMs, durationMs, groupId, tokenId, tokenName, channelId, model, actualModel, mode,
        endpoint, status, stream, clientIp, upstreamId, usage, usageEstimated, truncated, price, amount, content,
        attempts, requestBody, responseBody, null, 0);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Versioned.FIELD, VERSION)
        .put("request_id", requestId)
        .put("request_at", requestAt)
        .put("ttfb_ms", ttfbMs)
        .put("duration_ms", durationMs)
        .put("group_id", groupId)
        .put("token_id", tokenId)
        .put("token_name", tokenName)
        .put("channel_id", channelId)
        .put("model", model)
        .put("actual_model", actualModel)
        .put("mode", mode)
        .put("endpoint", endpoint)
        .put("status", status)
        .put("stream", stream)
        .put("client_ip", clientIp)
        .put("upstream_id", upstreamId)
        .put("usage", usage.toJson())
        .put("usage_estimated", usageEstimated)
        .put("truncated", truncated)
        .put("price", price.toJson())
        .put("amount", amount.toJson())
        .put("content", content)
        .put("attempts", new JsonArray(attempts.stream().map(Attempt::toJson).toList()))
        .put("request_body", requestBody)
        .put("response_body", responseBody)
        .put("token_period_type", tokenPeriodType)
        .put("token_period_anchor", tokenPeriodAnchor);
  }

  public static RelayCompleted fromJson(JsonObject json) {
    Versioned.require(json, VERSION, "RelayCompleted");
    JsonArray attempts = json.getJsonArray("attempts", new JsonArray());
    return new RelayCompleted(
        json.getString("request_id"),
        Json.longValue(json, "request_at"),
        Json.longValue(json, "ttfb_ms"),
        Json.longValue(json, "duration_ms"),
        json.getString("group_id"),
        Json.longValue(json, "token_id"),
        json.getString("token_name"),
        Json.intValue(json, "channel_id", 0),
        json.getString("model"),
        json.getString("actual_model"),
        Json.intValue(json, "mode", 0),
        json.getString("endpoint"),
        Json.intValue(json, "status", 0),
        json.getBoolean("stream", false),
        json.getString("client_ip"),
        json.getString("upstream_id"),
        Usage.fromJson(Json.object(json, "usage")),
        json.getBoolean("usage_estimated", false),
        json.getBoolean("truncated", false),
        Price.fromJson(Json.object(json, "price")),
        Amount.fromJson(Json.object(json, "amount")),
        json.getString("content"),
        attempts.stream().map(o -> Attempt.fromJson((JsonObject) o)).toList(),
        json.getString("request_body"),
        json.getString("response_body"),
        json.getString("token_period_type"),
        Json.longValue(json, "token_period_anchor"));
  }
}
