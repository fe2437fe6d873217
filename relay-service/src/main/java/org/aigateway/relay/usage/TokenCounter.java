package org.aigateway.relay.usage;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts tokens with jtokkit when an upstream reports no usage. The encoding follows the model
 * family (o200k_base for gpt-4o, o-series, gpt-4.1, gpt-5 and unknown models; cl100k_base for
 * gpt-4, gpt-3.5 and OpenAI embeddings) and is cached per model name.
 */
public final class TokenCounter {

  /** Texts at least this long are estimated as length / 4, as the original gateway does. */
  static final int FUZZY_THRESHOLD = 2_048_000;

  /** The vocabularies (about 50 MiB) are loaded once per process, whatever the number of relays in it. */
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
  private final Map<String, Encoding> byModel = new ConcurrentHashMap<>();

  /** Loads the vocabularies; blocking, so call it off the event loop at start. */
  public TokenCounter warmUp() {
    REGISTRY.getEncoding(EncodingType.O200K_BASE).countTokens("warm up");
    REGISTRY.getEncoding(EncodingType.CL100K_BASE).countTokens("warm up");
    return this;
  }

  public int count(String model, String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    if (text.length() >= FUZZY_THRESHOLD) {
      return text.length() / 4;
    }
    // Special tokens' text (<|endoftext|>) in a prompt or answer is ordinary text to an upstream;
    // countTokens would refuse it with an exception.
    return encoding(model).countTokensOrdinary(text);
  }

  Encoding encoding(String model) {
    return byModel.computeIfAbsent(model == null ? "" : model, m -> REGISTRY.getEncoding(typeFor(m)));
  }

  static EncodingType typeFor(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    int slash = m.lastIndexOf('/');
    if (slash >= 0) {
      m = m.substring(slash + 1);
    }
    if (m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-4.5") || m.startsWith("chatgpt-4o")) {
      return EncodingType.O200K_BASE;
    }
    if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5") || m.startsWith("gpt-35")
        || m.startsWith("text-embedding-") || m.startsWith("text-davinci-003")) {
      return EncodingType.CL100K_BASE;
    }
    return EncodingType.O200K_BASE;
  }
}
