package org.aigateway.relay.responses;

import org.aigateway.relay.convert.ProtocolError;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;

/** The errors of the stored-response routes, in OpenAI's shape. */
public final class ResponseErrors {

  private ResponseErrors() {
  }

  /** An id that is unknown, expired, or created by another group: they all read as unknown. */
  public static RelayException notFound(String id) {
    return OpenAiErrors.from(new ProtocolError(404, OpenAiErrors.INVALID_REQUEST, null, null,
        "No response found with id '" + id + "'."));
  }

  static RelayException previousNotFound(String id) {
    return OpenAiErrors.from(new ProtocolError(404, OpenAiErrors.INVALID_REQUEST, "previous_response_not_found",
        "previous_response_id", "Previous response with id '" + id + "' not found."));
  }

  static RelayException previousNotText() {
    return OpenAiErrors.badRequest("`previous_response_id` must be a non-empty string.", "previous_response_id");
  }

  /** The channel holding a response can no longer serve it; no other channel has it, so there is no fallback. */
  public static RelayException channelGone(String id, int channelId) {
    return OpenAiErrors.from(new ProtocolError(503, OpenAiErrors.UPSTREAM, "pinned_channel_unavailable", null,
        "Response '" + id + "' is stored by channel " + channelId + ", which is disabled, removed or does not"
            + " serve this request; no other channel holds it."));
  }

  static RelayException storeUnavailable() {
    return OpenAiErrors.unavailable("The response store cannot be reached; please try again later.");
  }
}
