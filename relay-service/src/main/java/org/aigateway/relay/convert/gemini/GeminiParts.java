package org.aigateway.relay.convert.gemini;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.DataUrls;
import org.aigateway.relay.convert.Jsons;

/**
 * OpenAI content parts and Gemini parts (text, {@code inlineData}, {@code fileData}), both ways;
 * OpenAI's {@code input_audio} is Gemini inline audio.
 */
final class GeminiParts {

  /** Google's documented placeholder for function calls whose thought signature is unknown. */
  static final String DUMMY_SIGNATURE = "skip_thought_signature_validator";
  /** The audio OpenAI's {@code input_audio} takes (its formats by media type); other audio stays a file part. */
  private static final Map<String, String> AUDIO_FORMATS = Map.of(
      "audio/wav", "wav", "audio/x-wav", "wav", "audio/wave", "wav", "audio/mp3", "mp3", "audio/mpeg", "mp3");

  private GeminiParts() {
  }

  /** The Gemini part for an OpenAI text, image or file part; {@code null} for anything else. */
  static JsonObject fromPart(JsonObject part) {
    return switch (part.getString("type", "text")) {
      case "text" -> Jsons.hasText(part, "text") ? new JsonObject().put("text", part.getString("text")) : null;
      case "image_url" -> media(ChatContent.imageUrl(part));
      case "file" -> media(Jsons.string(Jsons.object(part, "file"), "file_data"));
      case "input_audio" -> audio(Jsons.object(part, "input_audio"));
      default -> null;
    };
  }

  /** OpenAI's base64 {@code input_audio} as {@code inlineData} of the format's media type. */
  private static JsonObject audio(JsonObject audio) {
    if (!Jsons.hasText(audio, "data") || !Jsons.hasText(audio, "format")) {
      return null;
    }
    return new JsonObject().put("inlineData", new JsonObject()
        .put("mimeType", "audio/" + audio.getString("format").toLowerCase(Locale.ROOT))
        .put("data", audio.getString("data")));
  }

  /**
   * A data URL becomes {@code inlineData}; any other URL becomes {@code fileData} with a media type
   * guessed from its extension, since the converter does not fetch remote files.
   */
  private static JsonObject media(String url) {
    if (url == null) {
      return null;
    }
    DataUrls.Inline inline = DataUrls.parse(url);
    if (inline != null) {
      return new JsonObject().put("inlineData",
          new JsonObject().put("mimeType", inline.mediaType()).put("data", inline.data()));
    }
    return new JsonObject().put("fileData", new JsonObject().put("mimeType", guessType(url)).put("fileUri", url));
  }

  static String guessType(String url) {
    String path = url.toLowerCase(Locale.ROOT);
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    if (path.endsWith(".png")) {
      return "image/png";
    }
    if (path.endsWith(".webp")) {
      return "image/webp";
    }
    if (path.endsWith(".gif")) {
      return "image/gif";
    }
    return path.endsWith(".pdf") ? "application/pdf" : "image/jpeg";
  }

  /** The OpenAI part for a Gemini text or media part; {@code null} for others (thoughts, calls). */
  static JsonObject toPart(JsonObject part) {
    if (part.getValue("text") instanceof String text) {
      return Boolean.TRUE.equals(part.getValue("thought")) ? null : ChatContent.textPart(text);
    }
    if (part.getValue("inlineData") instanceof JsonObject inline) {
      String mimeType = inline.getString("mimeType", "").toLowerCase(Locale.ROOT);
      String audioFormat = AUDIO_FORMATS.get(mimeType);
      if (audioFormat != null) {
        return ChatContent.audioPart(inline.getString("data", ""), audioFormat);
      }
      String url = new DataUrls.Inline(inline.getString("mimeType", "application/octet-stream"),
          inline.getString("data", "")).toUrl();
      return mimeType.startsWith("image/") ? ChatContent.imagePart(url) : ChatContent.filePart(url, null);
    }
    if (part.getValue("fileData") instanceof JsonObject file && Jsons.hasText(file, "fileUri")) {
      return ChatContent.imagePart(file.getString("fileUri"));
    }
    return null;
  }

  /**
   * A {@code functionCall} part for an OpenAI tool call, carrying its thought signature if the client
   * kept it; in requests a missing one is replaced by the placeholder, in responses left out.
   */
  static JsonObject functionCall(JsonObject call, boolean inRequest) {
    JsonObject function = Jsons.object(call, "function");
    String signature = Jsons.string(Jsons.object(Jsons.object(call, "extra_content"), "google"), "thought_signature");
    JsonObject functionCall = new JsonObject().put("name", function.getString("name"))
        .put("args", Jsons.arguments(Jsons.string(function, "arguments")));
    JsonObject part = new JsonObject().put("functionCall", functionCall);
    if (signature != null && !signature.isEmpty()) {
      part.put("thoughtSignature", signature);
    } else if (inRequest) {
      part.put("thoughtSignature", DUMMY_SIGNATURE);
    }
    return part;
  }

  /** An OpenAI tool call for a {@code functionCall} part, keeping its thought signature in {@code extra_content}. */
  static JsonObject toolCall(JsonObject part, String id, int index) {
    JsonObject functionCall = Jsons.object(part, "functionCall");
    JsonObject call = new JsonObject().put("index", index).put("id", id).put("type", "function")
        .put("function", new JsonObject().put("name", functionCall.getString("name"))
            .put("arguments", Jsons.object(functionCall, "args").encode()));
    String signature = Jsons.string(part, "thoughtSignature");
    if (signature != null && !signature.isEmpty() && !DUMMY_SIGNATURE.equals(signature)) {
      call.put("extra_content", new JsonObject().put("google", new JsonObject().put("thought_signature", signature)));
    }
    return call;
  }
}
