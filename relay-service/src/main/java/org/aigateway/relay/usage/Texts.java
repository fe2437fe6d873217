package org.aigateway.relay.usage;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The text inside OpenAI content values: plain strings, arrays of strings, or arrays of text parts. */
public final class Texts {

  private Texts() {
  }

  public static String join(Object content) {
    if (content == null) {
      return "";
    }
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof JsonArray array) {
      StringBuilder out = new StringBuilder();
      array.forEach(item -> append(out, item));
      return out.toString();
    }
    return "";
  }

  private static void append(StringBuilder out, Object item) {
    if (item instanceof String text) {
      out.append(text);
    } else if (item instanceof JsonObject part && part.getValue("text") instanceof String text) {
      out.append(text);
    }
  }

  /** Appends what a response choice or stream delta says: content, reasoning and tool-call arguments. */
  public static void appendChoice(StringBuilder out, JsonObject choice) {
    if (choice.getValue("text") instanceof String text) {
      out.append(text);
    }
    Object holder = choice.getValue("message") != null ? choice.getValue("message") : choice.getValue("delta");
    if (!(holder instanceof JsonObject message)) {
      return;
    }
    out.append(join(message.getValue("content")));
    if (message.getValue("reasoning_content") instanceof String reasoning) {
      out.append(reasoning);
    }
    if (message.getValue("tool_calls") instanceof JsonArray calls) {
      calls.forEach(call -> appendToolCall(out, call));
    }
  }

  private static void appendToolCall(StringBuilder out, Object call) {
    if (call instanceof JsonObject c && c.getValue("function") instanceof JsonObject f) {
      if (f.getValue("name") instanceof String name) {
        out.append(name);
      }
      if (f.getValue("arguments") instanceof String args) {
        out.append(args);
      }
    }
  }
}
