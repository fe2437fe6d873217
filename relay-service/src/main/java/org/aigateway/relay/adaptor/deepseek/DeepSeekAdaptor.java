package org.aigateway.relay.adaptor.deepseek;

import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.DelegatingAdaptor;
import org.aigateway.relay.adaptor.openai.OpenAiAdaptor;
import org.aigateway.relay.usage.UsageCounter;

/** DeepSeek: the OpenAI protocol (delegated to an OpenAI adaptor) at {@code https://api.deepseek.com/v1} by default. */
public final class DeepSeekAdaptor extends DelegatingAdaptor {

  public static final String BASE_URL = "https://api.deepseek.com/v1";

  public DeepSeekAdaptor(UsageCounter counter) {
    super(new OpenAiAdaptor("deepseek", BASE_URL, counter));
  }

  @Override
  public boolean supports(Mode mode) {
    return mode == Mode.CHAT_COMPLETIONS || mode == Mode.COMPLETIONS;
  }
}
