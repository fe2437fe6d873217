package org.aigateway.relay.pdf;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.adaptor.AdaptorRegistry;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.http.RelayHandler;
import org.aigateway.relay.routing.RelayExecutor;
import org.aigateway.relay.routing.Resolution;

/**
 * Runs chat requests, first reading the text of their inline PDF parts (on a worker) when some
 * candidate channel cannot read PDFs ({@link PdfAsTextAdaptor}), so that such a channel gets the
 * text; requests without PDFs, or whose channels all read PDFs, go to the executor at once.
 */
public final class PdfAsTextRunner implements RelayHandler.Runner {

  private final Vertx vertx;
  private final AdaptorRegistry adaptors;
  private final PdfLimits limits;
  private final RelayExecutor executor;

  public PdfAsTextRunner(Vertx vertx, AdaptorRegistry adaptors, PdfLimits limits, RelayExecutor executor) {
    this.vertx = vertx;
    this.adaptors = adaptors;
    this.limits = limits;
    this.executor = executor;
  }

  @Override
  public void run(RelayContext ctx, Resolution resolution) {
    RelayRequest request = ctx.request();
    if (!PdfParts.present(request.body()) || resolution.candidates().stream().noneMatch(this::textOnly)) {
      executor.execute(ctx, resolution);
      return;
    }
    vertx.executeBlocking(() -> PdfParts.asText(request.body(), limits), false)
        .onSuccess(body -> {
          ctx.usePdfAsText(withBody(request, body));
          executor.execute(ctx, resolution);
        })
        .onFailure(err -> executor.finish(ctx, RelayResult.failure(PdfParseRunner.failureOf(ctx, err))));
  }

  private boolean textOnly(Channel channel) {
    return adaptors.forChannel(channel).orElse(null) instanceof PdfAsTextAdaptor;
  }

  private static RelayRequest withBody(RelayRequest r, JsonObject body) {
    return new RelayRequest(r.requestId(), r.requestAt(), r.startNanos(), r.endpoint(), r.upstreamPath(), r.mode(),
        r.model(), body, body.toBuffer(), r.stream(), r.clientWantsUsage(), r.clientIp());
  }
}
