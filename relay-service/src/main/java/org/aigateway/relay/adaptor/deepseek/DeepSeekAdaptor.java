package org.aigateway.relay.adaptor.deepseek;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.adaptor.openai.OpenAiAdaptor;
import org.aigateway.relay.usage.UsageCounter;

/** DeepSeek: the OpenAI protocol (delegated to an OpenAI adaptor) at {@code https://api.deepseek.com/v1} by default. */
public final class DeepSeekAdaptor implements ProviderAdaptor {

  public static final String BASE_URL = "https://api.deepseek.com/v1";

  private final ProviderAdaptor openAi;

  public DeepSeekAdaptor(UsageCounter counter) {
    this.openAi = new OpenAiAdaptor("deepseek", BASE_URL, counter);
  }

  @Override
  public String name() {
    return openAi.name();
  }

  @Override
  public String defaultBaseUrl() {
    return openAi.defaultBaseUrl();
  }

  @Override
  public boolean supports(Mode mode) {
    return mode == Mode.CHAT_COMPLETIONS || mode == Mode.COMPLETIONS;
  }

  @Override
  public String requestUrl(RelayContext ctx) {
    return openAi.requestUrl(ctx);
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    openAi.prepareHeaders(ctx, headers);
  }

  @Override
  public Buffer convertRequest(RelayContext ctx) {
    return openAi.convertRequest(ctx);
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    return openAi.handleResponse(ctx, exchange, upstream);
  }
}
