package org.aigateway.relay.responses;

import io.vertx.core.Future;

/**
 * Remembers which channel created each upstream response, for the follow-up calls that must go to
 * the same channel. Entries expire after the configured time to live.
 */
public interface ResponseStore {

  Future<Void> put(String responseId, StoredResponse stored);

  /** The entry of {@code responseId}, {@code null} when unknown or expired. */
  Future<StoredResponse> get(String responseId);

  Future<Void> remove(String responseId);

  /**
   * Claims the billing of a background response's usage: {@code true} for the first caller only,
   * whichever replica it runs on, so that the usage is billed once however many follow-ups see it.
   */
  Future<Boolean> claimBilling(String responseId);
}
