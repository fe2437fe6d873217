package org.aigateway.relay.pdf;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.http.RelayHandler;
import org.aigateway.relay.multipart.MultipartPart;
import org.aigateway.relay.routing.RelayExecutor;
import org.aigateway.relay.routing.Resolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/parse/pdf}, answered by the gateway itself: the form's {@code file} is read on a
 * worker thread ({@link PdfText}) and answered as {@code {"pages": n, "markdown": "..."}}, or with
 * {@code response_format=list} as {@code {"pages": n, "markdowns": ["page 1", ...]}}. No channel is
 * called. The usage is the page count as input tokens (as the original's doc2x adaptor reports), so
 * a model priced per request costs its {@code per_request_price} and one priced per input token
 * costs per page.
 */
public final class PdfParseRunner implements RelayHandler.Runner {

  private static final Logger LOG = LoggerFactory.getLogger(PdfParseRunner.class);

  private final Vertx vertx;
  private final PdfLimits limits;
  private final RelayExecutor executor;

  public PdfParseRunner(Vertx vertx, PdfLimits limits, RelayExecutor executor) {
    this.vertx = vertx;
    this.limits = limits;
    this.executor = executor;
  }

  @Override
  public void run(RelayContext ctx, Resolution resolution) {
    MultipartPart file = ctx.request().form().file("file").orElseThrow();
    boolean list = "list".equals(ctx.request().body().getString("response_format"));
    vertx.executeBlocking(() -> PdfText.extract(file.data(), limits), false)
        .map(extracted -> respond(ctx, extracted, list))
        .otherwise(err -> RelayResult.failure(failureOf(ctx, err)))
        .onSuccess(result -> executor.finish(ctx, result));
  }

  private static RelayResult respond(RelayContext ctx, PdfText.Extracted extracted, boolean list) {
    JsonObject body = new JsonObject().put("pages", extracted.pages().size());
    if (list) {
      body.put("markdowns", new JsonArray(extracted.pages()));
    } else {
      body.put("markdown", extracted.markdown());
    }
    ctx.downstream().end(200, "application/json", body.toBuffer());
    return RelayResult.success(200, Usage.of(extracted.pages().size(), 0), false, null);
  }

  static RelayException failureOf(RelayContext ctx, Throwable err) {
    if (err instanceof RelayException relay) {
      return relay;
    }
    LOG.error("Reading the PDF of request {} failed", ctx.request().requestId(), err);
    return OpenAiErrors.internal();
  }
}
