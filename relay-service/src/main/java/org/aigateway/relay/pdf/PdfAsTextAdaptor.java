package org.aigateway.relay.pdf;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import org.aigateway.relay.adaptor.DelegatingAdaptor;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;

/**
 * Wraps the adaptor of an upstream that cannot read PDFs (DeepSeek, Ollama, generic OpenAI-compatible
 * servers) so that a chat request carrying PDF file parts reaches it with those parts as text: the
 * request prepared by {@link PdfAsTextRunner} ({@link RelayContext#pdfAsText()}) replaces the
 * client's for this channel only; other channels of the same request still get the PDF.
 */
public final class PdfAsTextAdaptor extends DelegatingAdaptor {

  public PdfAsTextAdaptor(ProviderAdaptor delegate) {
    super(delegate);
  }

  @Override
  public String requestUrl(RelayContext ctx) {
    return delegate.requestUrl(textual(ctx));
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    delegate.prepareHeaders(textual(ctx), headers);
  }

  @Override
  public Buffer convertRequest(RelayContext ctx) {
    return delegate.convertRequest(textual(ctx));
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    return delegate.handleResponse(textual(ctx), exchange, upstream);
  }

  /** The context with the text-only request when there is one, on the same channel and client response. */
  private static RelayContext textual(RelayContext ctx) {
    if (ctx.pdfAsText() == null) {
      return ctx;
    }
    RelayContext textual = new RelayContext(ctx.pdfAsText(), ctx.caller(), ctx.modelConfig(), ctx.downstream(),
        ctx.promptTokenCounter());
    textual.useChannel(ctx.channel());
    return textual;
  }
}
