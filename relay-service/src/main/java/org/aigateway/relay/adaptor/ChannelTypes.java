package org.aigateway.relay.adaptor;

/** Channel type ids served by this build (the numbers of the original gateway where it has them). */
public final class ChannelTypes {

  /** OpenAI itself; base URL defaults to {@code https://api.openai.com/v1}. */
  public static final int OPENAI = 1;
  /**
   * Any OpenAI-compatible server (vLLM, Ollama's /v1, LM Studio, a proxy): the channel's base URL is
   * required. Type 8 is the "custom" channel of One API, which the original gateway leaves unused.
   */
  public static final int OPENAI_COMPATIBLE = 8;

  private ChannelTypes() {
  }
}
