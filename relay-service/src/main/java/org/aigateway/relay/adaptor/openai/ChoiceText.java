package org.aigateway.relay.adaptor.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The text of OpenAI choices read from a parser, with the rules of
 * {@link org.aigateway.relay.usage.Texts#appendChoice}: a choice's {@code text}, then from its
 * {@code message} (or, when that is absent or null, its {@code delta}) the content, the
 * reasoning content and the tool calls' names and arguments.
 */
final class ChoiceText {

  /** A message or delta that is present but not an object: it contributes nothing. */
  private static final Parts NOT_AN_OBJECT = new Parts("", null, "");

  private ChoiceText() {
  }

  /** Reads the array whose START_ARRAY is current, appends its choices' text; returns the number of elements. */
  static int readChoices(JsonParser parser, StringBuilder out) throws IOException {
    int count = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      count++;
      if (token == JsonToken.START_OBJECT) {
        readChoice(parser, out);
      } else {
        JsonTrees.skip(parser);
      }
    }
    return count;
  }

  private static void readChoice(JsonParser parser, StringBuilder out) throws IOException {
    String text = null;
    Parts message = null;
    Parts delta = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (name) {
        case "text" -> text = token == JsonToken.VALUE_STRING ? parser.getText() : null;
        case "message" -> message = holder(parser, token);
        case "delta" -> delta = holder(parser, token);
        default -> {
        }
      }
      JsonTrees.skip(parser);
    }
    if (text != null) {
      out.append(text);
    }
    Parts holder = message != null ? message : delta;
    if (holder != null) {
      out.append(holder.content());
      if (holder.reasoning() != null) {
        out.append(holder.reasoning());
      }
      out.append(holder.tools());
    }
  }

  /** {@code null} for JSON null; leaves the parser on the holder's END_OBJECT (or on the scalar). */
  private static Parts holder(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      return NOT_AN_OBJECT;
    }
    String content = "";
    String reasoning = null;
    String tools = "";
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "content" -> content = content(parser, value);
        case "reasoning_content" -> reasoning = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        case "tool_calls" -> tools = value == JsonToken.START_ARRAY ? toolCalls(parser) : "";
        default -> {
        }
      }
      JsonTrees.skip(parser);
    }
    return new Parts(content, reasoning, tools);
  }

  /** A content value: a string, or an array of strings and parts with a {@code text}; anything else is empty. */
  private static String content(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token != JsonToken.START_ARRAY) {
      return "";
    }
    StringBuilder joined = new StringBuilder();
    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
      if (item == JsonToken.VALUE_STRING) {
        joined.append(parser.getText());
      } else if (item == JsonToken.START_OBJECT) {
        appendNonNull(joined, stringField(parser, "text"));
      } else {
        JsonTrees.skip(parser);
      }
    }
    return joined.toString();
  }

  private static String toolCalls(JsonParser parser) throws IOException {
    StringBuilder calls = new StringBuilder();
    for (JsonToken call = parser.nextToken(); call != JsonToken.END_ARRAY; call = parser.nextToken()) {
      if (call == JsonToken.START_OBJECT) {
        toolCall(parser, calls);
      } else {
        JsonTrees.skip(parser);
      }
    }
    return calls.toString();
  }

  private static void toolCall(JsonParser parser, StringBuilder calls) throws IOException {
    String name = null;
    String arguments = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean function = "function".equals(parser.currentName());
      JsonToken value = parser.nextToken();
      if (function) {
        name = null;
        arguments = null;
      }
      if (function && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken fieldValue = parser.nextToken();
          String text = fieldValue == JsonToken.VALUE_STRING ? parser.getText() : null;
          name = "name".equals(field) ? text : name;
          arguments = "arguments".equals(field) ? text : arguments;
          JsonTrees.skip(parser);
        }
      } else {
        JsonTrees.skip(parser);
      }
    }
    appendNonNull(calls, name);
    appendNonNull(calls, arguments);
  }

  /** The last value of string field {@code field} of the object whose START_OBJECT is current. */
  private static String stringField(JsonParser parser, String field) throws IOException {
    String found = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean match = field.equals(parser.currentName());
      JsonToken value = parser.nextToken();
      if (match) {
        found = value == JsonToken.VALUE_STRING ? parser.getText() : null;
      }
      JsonTrees.skip(parser);
    }
    return found;
  }

  private static void appendNonNull(StringBuilder out, String text) {
    if (text != null) {
      out.append(text);
    }
  }

  private record Parts(String content, String reasoning, String tools) {
  }
}
