package org.aigateway.relay.adaptor;

/** Channel type ids served by this build (the numbers of the original gateway where it has them). */
public final class ChannelTypes {

  /** OpenAI itself; base URL defaults to {@code https://api.openai.com/v1}. */
  public static final int OPENAI = 1;
  /** Azure OpenAI, the original's deprecated type: dots are stripped from deployment names. */
  public static final int AZURE_LEGACY = 3;
  /** Azure OpenAI: deployment names kept as the channel's model names. */
  public static final int AZURE = 4;
  /**
   * Any OpenAI-compatible server (vLLM, Ollama's /v1, LM Studio, a proxy): the channel's base URL is
   * required. Type 8 is the "custom" channel of One API, which the original gateway leaves unused.
   */
  public static final int OPENAI_COMPATIBLE = 8;
  /** Anthropic's Messages API. */
  public static final int ANTHROPIC = 14;
  /** Google AI Studio's Gemini API. */
  public static final int GEMINI = 24;
  /** Ollama's native API. */
  public static final int OLLAMA = 30;
  /** DeepSeek (OpenAI protocol). */
  public static final int DEEPSEEK = 36;
  /** Jina AI: embeddings and rerank. */
  public static final int JINA = 47;

  private ChannelTypes() {
  }
}
