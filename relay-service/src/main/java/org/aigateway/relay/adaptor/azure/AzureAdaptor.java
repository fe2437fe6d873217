package org.aigateway.relay.adaptor.azure;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.adaptor.openai.OpenAiAdaptor;

/**
 * Azure OpenAI: the OpenAI protocol (delegated to the OpenAI adaptor) at a deployment URL,
 * {@code {base}/openai/deployments/{model}{path}?api-version=...}, with the {@code api-key} header.
 * The deployment is the channel's model name; type 3 (the original's deprecated Azure type) strips
 * dots from it, as Azure forbids them in deployment names; type 4 keeps it. The base URL
 * ({@code https://{resource}.openai.azure.com}) has no default. The Responses API and its stored
 * responses live at {@code {base}/openai/responses...?api-version=...} (api-version
 * {@code 2025-03-01-preview} or later), with the deployment as the body's model.
 */
public final class AzureAdaptor implements ProviderAdaptor {

  private static final String RESPONSES = "/responses";

  private final ProviderAdaptor openAi;
  private final boolean stripDots;

  /** @param openAi  the OpenAI adaptor that writes bodies and reads answers */
  public AzureAdaptor(ProviderAdaptor openAi, boolean stripDots) {
    this.openAi = openAi;
    this.stripDots = stripDots;
  }

  @Override
  public String name() {
    return "azure";
  }

  @Override
  public String defaultBaseUrl() {
    return "";
  }

  @Override
  public boolean supports(Mode mode) {
    return openAi.supports(mode);
  }

  @Override
  public String requestUrl(RelayContext ctx) {
    AzureKey key = AzureKey.parse(ctx.channel().key());
    String path = ctx.request().upstreamPath();
    if (path.startsWith(RESPONSES)) {
      // the Responses API names the deployment in the body's model, not in the path
      return baseUrl(ctx.channel()) + "/openai" + path + "?api-version="
          + URLEncoder.encode(key.apiVersion(), StandardCharsets.UTF_8);
    }
    String deployment = stripDots ? ctx.actualModel().replace(".", "") : ctx.actualModel();
    return baseUrl(ctx.channel()) + "/openai/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
        + ctx.request().upstreamPath() + "?api-version=" + URLEncoder.encode(key.apiVersion(), StandardCharsets.UTF_8);
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    headers.set("api-key", AzureKey.parse(ctx.channel().key()).key())
        .set(HttpHeaders.CONTENT_TYPE, OpenAiAdaptor.contentType(ctx))
        .set(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.IDENTITY);
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
