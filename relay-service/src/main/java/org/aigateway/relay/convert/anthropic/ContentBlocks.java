package org.aigateway.relay.convert.anthropic;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.DataUrls;
import org.aigateway.relay.convert.Jsons;

/** OpenAI content parts and Anthropic content blocks (text, image, PDF document), both ways. */
final class ContentBlocks {

  private ContentBlocks() {
  }

  /** Anthropic blocks for OpenAI parts; empty texts and parts Anthropic cannot take are left out. */
  static List<JsonObject> fromParts(List<JsonObject> parts) {
    List<JsonObject> blocks = new ArrayList<>();
    for (JsonObject part : parts) {
      JsonObject block = fromPart(part);
      if (block != null) {
        if (part.getValue("cache_control") instanceof JsonObject cache) {
          block.put("cache_control", cache.copy());
        }
        blocks.add(block);
      }
    }
    return blocks;
  }

  /** Only the text of {@code content}, as text blocks. */
  static List<JsonObject> textBlocks(Object content) {
    return fromParts(ChatContent.parts(content).stream()
        .filter(part -> "text".equals(part.getString("type", "text"))).toList());
  }

  private static JsonObject fromPart(JsonObject part) {
    return switch (part.getString("type", "text")) {
      case "text" -> Jsons.hasText(part, "text")
          ? new JsonObject().put("type", "text").put("text", part.getString("text")) : null;
      case "image_url" -> image(ChatContent.imageUrl(part));
      case "file" -> document(Jsons.string(Jsons.object(part, "file"), "file_data"));
      default -> null;
    };
  }

  private static JsonObject image(String url) {
    if (url == null) {
      return null;
    }
    DataUrls.Inline inline = DataUrls.parse(url);
    JsonObject source = inline == null ? new JsonObject().put("type", "url").put("url", url)
        : new JsonObject().put("type", "base64").put("media_type", inline.mediaType()).put("data", inline.data());
    return new JsonObject().put("type", "image").put("source", source);
  }

  private static JsonObject document(String dataUrl) {
    DataUrls.Inline inline = DataUrls.parse(dataUrl);
    if (inline == null) {
      return null;
    }
    JsonObject source = new JsonObject().put("type", "base64").put("media_type", inline.mediaType())
        .put("data", inline.data());
    return new JsonObject().put("type", "document").put("source", source);
  }

  /** The OpenAI part for an Anthropic text, image or base64 document block, {@code null} for others. */
  static JsonObject toPart(JsonObject block) {
    JsonObject source = Jsons.object(block, "source");
    return switch (block.getString("type", "")) {
      case "text" -> ChatContent.textPart(block.getString("text", ""));
      case "image" -> imageSource(source);
      case "document" -> "base64".equals(source.getString("type"))
          ? ChatContent.filePart(inline(source).toUrl(), Jsons.string(block, "title")) : null;
      default -> null;
    };
  }

  private static JsonObject imageSource(JsonObject source) {
    return switch (source.getString("type", "")) {
      case "base64" -> ChatContent.imagePart(inline(source).toUrl());
      case "url" -> ChatContent.imagePart(source.getString("url"));
      default -> null;
    };
  }

  private static DataUrls.Inline inline(JsonObject source) {
    return new DataUrls.Inline(source.getString("media_type", "application/octet-stream"),
        source.getString("data", ""));
  }
}
