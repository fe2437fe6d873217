package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import org.aigateway.relay.convert.ProtocolError;

/**
 * The types of an Anthropic Messages request, checked before it is routed: the converter reads a
 * mistyped field as absent, which would send a different request than the client meant, and a
 * native channel would refuse it anyway. Checks the sampling numbers, {@code stream}, {@code system}
 * (a string or text blocks) and each message (an object whose content is a string or blocks of a
 * type Anthropic defines). Fields not named here are left to the upstream.
 */
public final class AnthropicRequestCheck {

  private static final Set<String> NUMBERS = Set.of("max_tokens", "temperature", "top_p", "top_k");
  /** Anthropic's input block types; the converter drops those it cannot express in OpenAI's shape. */
  private static final Set<String> BLOCK_TYPES = Set.of("text", "image", "document", "search_result", "thinking",
      "redacted_thinking", "tool_use", "tool_result", "server_tool_use", "web_search_tool_result",
      "web_fetch_tool_result", "code_execution_tool_result", "bash_code_execution_tool_result",
      "text_editor_code_execution_tool_result", "mcp_tool_use", "mcp_tool_result", "container_upload");

  private AnthropicRequestCheck() {
  }

  /** The first mistyped field of {@code request} as a 400 error, none when the request is well typed. */
  public static Optional<ProtocolError> problem(JsonObject request) {
    for (String field : NUMBERS) {
      Object value = request.getValue(field);
      if (value != null && !(value instanceof Number)) {
        return invalid(field, "`" + field + "` must be a number.");
      }
    }
    Object stream = request.getValue("stream");
    if (stream != null && !(stream instanceof Boolean)) {
      return invalid("stream", "`stream` must be a boolean.");
    }
    Optional<ProtocolError> system = system(request.getValue("system"));
    if (system.isPresent()) {
      return system;
    }
    JsonArray messages = request.getJsonArray("messages");
    for (int i = 0; messages != null && i < messages.size(); i++) {
      Optional<ProtocolError> message = message(messages.getValue(i), "messages." + i);
      if (message.isPresent()) {
        return message;
      }
    }
    return Optional.empty();
  }

  private static Optional<ProtocolError> system(Object system) {
    if (system == null || system instanceof String) {
      return Optional.empty();
    }
    if (!(system instanceof JsonArray blocks)) {
      return invalid("system", "`system` must be a string or a list of text blocks.");
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (!(blocks.getValue(i) instanceof JsonObject block) || !"text".equals(block.getValue("type"))) {
        return invalid("system." + i, "`system." + i + "` must be a text block object.");
      }
    }
    return Optional.empty();
  }

  private static Optional<ProtocolError> message(Object item, String path) {
    if (!(item instanceof JsonObject message)) {
      return invalid(path, "`" + path + "` must be an object with a role and content.");
    }
    Object content = message.getValue("content");
    if (content instanceof String) {
      return Optional.empty();
    }
    if (!(content instanceof JsonArray blocks)) {
      return invalid(path + ".content", "`" + path + ".content` must be a string or a list of content blocks.");
    }
    for (int i = 0; i < blocks.size(); i++) {
      String at = path + ".content." + i;
      if (!(blocks.getValue(i) instanceof JsonObject block)) {
        return invalid(at, "`" + at + "` must be a content block object.");
      }
      if (!(block.getValue("type") instanceof String type) || !BLOCK_TYPES.contains(type)) {
        return invalid(at + ".type", "`" + at + ".type` is not a known content block type: "
            + block.getValue("type") + ".");
      }
    }
    return Optional.empty();
  }

  private static Optional<ProtocolError> invalid(String param, String message) {
    return Optional.of(new ProtocolError(400, ProtocolError.INVALID_REQUEST, null, param, message));
  }
}
