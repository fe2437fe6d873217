package org.aigateway.relay.adaptor.openai;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.Jsons;

/**
 * What a relayed Responses API stream has said so far: the response id ({@code response.created}),
 * the delivered output text, the usage of its terminal event ({@code response.completed},
 * {@code response.incomplete} or {@code response.failed}), the error of a failed response and an
 * in-band {@code error} event. Every event is a small JSON object naming its {@code type}.
 */
final class ResponsesStreamState {

  private final StringBuilder text = new StringBuilder();
  private String responseId;
  private boolean idIsNew;
  private Usage usage;
  private boolean ended;
  private JsonObject failure;
  private JsonObject error;

  /** Records one event's data. */
  void accept(String data) {
    JsonObject event = data == null || ended ? null : Jsons.parseObject(data);
    if (event == null) {
      return;
    }
    JsonObject response = Jsons.object(event, "response");
    switch (String.valueOf(event.getValue("type"))) {
      case "response.created" -> id(Jsons.string(response, "id"));
      case "response.output_text.delta" -> text.append(Jsons.hasText(event, "delta") ? event.getString("delta") : "");
      case "response.completed", "response.incomplete" -> end(response);
      case "response.failed" -> {
        end(response);
        failure = Jsons.object(response, "error");
      }
      case "error" -> error = event.getValue("error") instanceof JsonObject nested ? nested
          : new JsonObject().put("code", event.getValue("code")).put("message", event.getValue("message"));
      default -> {
        // other events (output items, content parts, reasoning) carry nothing the relay needs
      }
    }
  }

  private void id(String id) {
    if (responseId == null && id != null) {
      responseId = id;
      idIsNew = true;
    }
  }

  private void end(JsonObject response) {
    id(Jsons.string(response, "id"));
    usage = ResponsesUsage.of(response);
    ended = true;
  }

  /** The response id once, the first time it is known; {@code null} otherwise. */
  String newId() {
    if (!idIsNew) {
      return null;
    }
    idIsNew = false;
    return responseId;
  }

  String responseId() {
    return responseId;
  }

  Usage usage() {
    return usage;
  }

  CharSequence text() {
    return text;
  }

  /** A terminal response event arrived. */
  boolean ended() {
    return ended;
  }

  /** The {@code error} of a {@code response.failed} event, {@code null} when none came. */
  JsonObject failure() {
    return failure;
  }

  /** The in-band {@code error} event, {@code null} when none came. */
  JsonObject error() {
    return error;
  }
}
