package org.aigateway.relay.usage;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Mode;

/**
 * The input tokens of a request as the gateway counts them when the upstream reports none. Chat
 * messages follow OpenAI's rule: 3 tokens per message, 1 more per {@code name}, the role and text of
 * all messages counted once, and 3 tokens priming the reply; an image part counts 85 tokens at low
 * detail, else 765 (a 2048x2048 image at high detail). Speech counts the characters of its
 * {@code input}; image edits and transcriptions the tokens of their {@code prompt} field.
 */
public final class PromptEstimator {

  private static final int PER_MESSAGE = 3;
  private static final int PER_NAME = 1;
  private static final int REPLY_PRIMING = 3;
  private static final int IMAGE_LOW = 85;
  private static final int IMAGE_HIGH = 765;

  private final TokenCounter counter;

  public PromptEstimator(TokenCounter counter) {
    this.counter = counter;
  }

  public long estimate(Mode mode, String model, JsonObject body) {
    return switch (mode) {
      case CHAT_COMPLETIONS -> chat(model, body.getValue("messages"));
      case COMPLETIONS -> counter.count(model, Texts.join(body.getValue("prompt")));
      case EMBEDDINGS -> embeddings(model, body.getValue("input"));
      case ANTHROPIC -> chat(model, body.getValue("messages")) + counter.count(model, Texts.join(body.getValue("system")));
      case GEMINI -> GeminiPrompt.estimate(body);
      case RERANK -> counter.count(model, Texts.join(body.getValue("query")) + Texts.join(body.getValue("documents")));
      case MODERATIONS -> counter.count(model, Texts.join(body.getValue("input")));
      case IMAGES_GENERATIONS, IMAGES_EDITS, AUDIO_TRANSCRIPTION, AUDIO_TRANSLATION ->
          counter.count(model, Texts.join(body.getValue("prompt")));
      case AUDIO_SPEECH -> speech(body.getValue("input"));
      default -> 0;
    };
  }

  /**
   * A cheap upper bound of {@link #estimate}, without tokenizing: a text token covers at least one
   * byte and a message's JSON is longer than its fixed tokens, so the body's bytes bound the text;
   * image parts add their largest fixed count, and the reply priming its three tokens.
   */
  long upperBound(Mode mode, JsonObject body, Buffer raw) {
    if (mode == Mode.GEMINI) {
      return GeminiPrompt.estimate(body);
    }
    if (raw == null) {
      return Long.MAX_VALUE;
    }
    boolean chat = mode == Mode.CHAT_COMPLETIONS || mode == Mode.ANTHROPIC;
    return raw.length() + REPLY_PRIMING + (chat ? imageParts(body.getValue("messages")) * IMAGE_HIGH : 0);
  }

  private static long imageParts(Object messages) {
    if (!(messages instanceof JsonArray array)) {
      return 0;
    }
    long parts = 0;
    for (Object item : array) {
      if (item instanceof JsonObject message && message.getValue("content") instanceof JsonArray content) {
        for (Object part : content) {
          if (part instanceof JsonObject p && "image_url".equals(p.getString("type"))) {
            parts++;
          }
        }
      }
    }
    return parts;
  }

  /** Speech is billed per character of its input, as the original gateway does. */
  private static long speech(Object input) {
    String text = Texts.join(input);
    return text.codePointCount(0, text.length());
  }

  long chat(String model, Object messages) {
    if (!(messages instanceof JsonArray array)) {
      return 0;
    }
    StringBuilder text = new StringBuilder();
    long tokens = REPLY_PRIMING;
    for (Object item : array) {
      if (item instanceof JsonObject message) {
        tokens += PER_MESSAGE + (message.getValue("name") != null ? PER_NAME : 0);
        tokens += images(message.getValue("content"));
        text.append(message.getValue("role", "")).append(Texts.join(message.getValue("content")));
        if (message.getValue("name") != null) {
          text.append(message.getValue("name"));
        }
      }
    }
    return tokens + counter.count(model, text.toString());
  }

  private long embeddings(String model, Object input) {
    if (input instanceof JsonArray array && !array.isEmpty() && array.getValue(0) instanceof Number) {
      return array.size();
    }
    if (input instanceof JsonArray array && !array.isEmpty() && array.getValue(0) instanceof JsonArray) {
      return array.stream().mapToLong(a -> a instanceof JsonArray ids ? ids.size() : 0).sum();
    }
    return counter.count(model, Texts.join(input));
  }

  private static long images(Object content) {
    if (!(content instanceof JsonArray parts)) {
      return 0;
    }
    long tokens = 0;
    for (Object part : parts) {
      if (part instanceof JsonObject p && "image_url".equals(p.getString("type"))) {
        Object image = p.getValue("image_url");
        String detail = image instanceof JsonObject i ? i.getString("detail", "auto") : "auto";
        tokens += "low".equals(detail) ? IMAGE_LOW : IMAGE_HIGH;
      }
    }
    return tokens;
  }
}
