package org.aigateway.relay.convert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code content} of OpenAI chat messages: a string or an array of parts. */
public final class ChatContent {

  private ChatContent() {
  }

  /** The parts of {@code content}: a string becomes one text part, plain strings in arrays too. */
  public static List<JsonObject> parts(Object content) {
    List<JsonObject> parts = new ArrayList<>();
    if (content instanceof String text) {
      parts.add(textPart(text));
    } else if (content instanceof JsonArray array) {
      array.forEach(item -> {
        if (item instanceof String text) {
          parts.add(textPart(text));
        } else if (item instanceof JsonObject part) {
          parts.add(part);
        }
      });
    }
    return parts;
  }

  /** The text of {@code content}, text parts concatenated. */
  public static String text(Object content) {
    StringBuilder out = new StringBuilder();
    for (JsonObject part : parts(content)) {
      if ("text".equals(part.getString("type", "text")) && part.getValue("text") instanceof String text) {
        out.append(text);
      }
    }
    return out.toString();
  }

  /** A message content from parts: a plain string when they are one text part, else the array. */
  public static Object of(List<JsonObject> parts) {
    if (parts.size() == 1 && "text".equals(parts.get(0).getString("type"))) {
      return parts.get(0).getString("text");
    }
    return new JsonArray(new ArrayList<>(parts));
  }

  public static JsonObject textPart(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }

  /** An {@code image_url} part. */
  public static JsonObject imagePart(String url) {
    return new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", url));
  }

  /** A {@code file} part carrying a base64 data URL. */
  public static JsonObject filePart(String dataUrl, String filename) {
    JsonObject file = Jsons.putIfPresent(new JsonObject(), "filename", filename).put("file_data", dataUrl);
    return new JsonObject().put("type", "file").put("file", file);
  }

  /** An {@code input_audio} part: base64 audio in one of OpenAI's formats ({@code wav}, {@code mp3}). */
  public static JsonObject audioPart(String data, String format) {
    return new JsonObject().put("type", "input_audio")
        .put("input_audio", new JsonObject().put("data", data).put("format", format));
  }

  /** The URL of an {@code image_url} part (object or plain string form). */
  public static String imageUrl(JsonObject part) {
    Object value = part.getValue("image_url");
    return value instanceof JsonObject image ? Jsons.string(image, "url") : value instanceof String url ? url : null;
  }
}
