package org.aigateway.relay.http;

import io.vertx.ext.web.Router;

/**
 * The routes of files and audio: {@code POST /v1/images/edits}, {@code /v1/audio/transcriptions} and
 * {@code /v1/audio/translations} (multipart forms relayed upstream), {@code /v1/audio/speech} (JSON in,
 * audio streamed back) and {@code /v1/parse/pdf} (a multipart PDF read by the gateway itself).
 */
public final class MediaRoutes {

  /** Handlers of one route each. */
  public record Handlers(RelayHandler imageEdits, RelayHandler speech, RelayHandler transcriptions,
                         RelayHandler translations, RelayHandler parsePdf) {
  }

  private final Handlers handlers;

  public MediaRoutes(Handlers handlers) {
    this.handlers = handlers;
  }

  /** Registers the routes; call after authentication and before the catch-all of unknown routes. */
  public void mount(Router router) {
    router.post("/v1/images/edits").handler(handlers.imageEdits()::relay);
    router.post("/v1/audio/speech").handler(handlers.speech()::relay);
    router.post("/v1/audio/transcriptions").handler(handlers.transcriptions()::relay);
    router.post("/v1/audio/translations").handler(handlers.translations()::relay);
    router.post("/v1/parse/pdf").handler(handlers.parsePdf()::relay);
  }
}
