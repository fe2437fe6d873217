package org.aigateway.relay.adaptor.openai;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Set;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.multipart.MultipartForm;
import org.aigateway.relay.usage.UsageCounter;

/**
 * OpenAI and every OpenAI-compatible server: the request goes upstream as the client sent it, with
 * the channel's model name and, for chat and completion streams, {@code stream_options.include_usage}
 * forced on so the usage is exact (the Responses API always reports usage, in its last event).
 * Multipart forms (audio transcriptions and translations, image edits) go upstream re-encoded with
 * the channel's model name in their {@code model} field and every other part unchanged; speech audio
 * is streamed back as it arrives ({@link SpeechRelay}), transcripts relayed in the format the client
 * asked for ({@link TranscriptionRelay}).
 */
public final class OpenAiAdaptor implements ProviderAdaptor {

  public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
  private static final String USAGE_OPTION = "\"stream_options\":{\"include_usage\":true},";
  private static final Set<Mode> MODES = Set.of(Mode.CHAT_COMPLETIONS, Mode.COMPLETIONS, Mode.EMBEDDINGS,
      Mode.RESPONSES, Mode.AUDIO_SPEECH, Mode.AUDIO_TRANSCRIPTION, Mode.AUDIO_TRANSLATION);

  private final String name;
  private final String defaultBaseUrl;
  private final UsageCounter counter;

  public OpenAiAdaptor(String name, String defaultBaseUrl, UsageCounter counter) {
    this.name = name;
    this.defaultBaseUrl = defaultBaseUrl;
    this.counter = counter;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  @Override
  public boolean supports(Mode mode) {
    return MODES.contains(mode);
  }

  @Override
  public String requestUrl(RelayContext ctx) {
    return baseUrl(ctx.channel()) + ctx.request().upstreamPath();
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + ctx.channel().key().strip())
        .set(HttpHeaders.CONTENT_TYPE, contentType(ctx))
        .set(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.IDENTITY);
  }

  /** The content type of the body sent upstream: the form's (with its boundary) for a multipart request, else JSON. */
  public static String contentType(RelayContext ctx) {
    MultipartForm form = ctx.request().form();
    return form == null ? "application/json" : form.contentType();
  }

  @Override
  public Buffer convertRequest(RelayContext ctx) {
    RelayRequest request = ctx.request();
    String actualModel = ctx.actualModel();
    if (request.form() != null) {
      return request.form().withField("model", actualModel).encode();
    }
    boolean forceUsage = request.stream() && !request.clientWantsUsage() && request.mode() != Mode.RESPONSES;
    boolean sameModel = actualModel.equals(request.model());
    if (!forceUsage && sameModel) {
      return request.rawBody();
    }
    if (sameModel && !request.body().containsKey("stream_options")) {
      return withUsageOption(request.rawBody());
    }
    JsonObject body = new JsonObject(new LinkedHashMap<>(request.body().getMap())).put("model", actualModel);
    if (forceUsage) {
      JsonObject options = body.getValue("stream_options") instanceof JsonObject o ? o.copy() : new JsonObject();
      body.put("stream_options", options.put("include_usage", true));
    }
    return body.toBuffer();
  }

  /**
   * The body with {@code "stream_options":{"include_usage":true}} inserted as its first member: the
   * bytes as received otherwise, so the common stream request is not re-encoded. The body is a
   * JSON object with at least a model, so a member follows the inserted one.
   */
  private static Buffer withUsageOption(Buffer raw) {
    int open = 0;
    while (raw.getByte(open) != '{') {
      open++;
    }
    return Buffer.buffer(raw.length() + USAGE_OPTION.length() + 1)
        .appendBuffer(raw, 0, open + 1)
        .appendString(USAGE_OPTION)
        .appendBuffer(raw, open + 1, raw.length() - open - 1);
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    Mode mode = ctx.request().mode();
    if (mode == Mode.AUDIO_SPEECH) {
      return SpeechRelay.run(ctx, exchange, upstream, counter);
    }
    if (mode == Mode.AUDIO_TRANSCRIPTION || mode == Mode.AUDIO_TRANSLATION) {
      return TranscriptionRelay.run(ctx, exchange, upstream, counter);
    }
    int status = upstream.statusCode();
    String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
    boolean responses = mode == Mode.RESPONSES;
    if (status < 400 && type != null && type.startsWith("text/event-stream")) {
      return responses ? new ResponsesStreamRelay(ctx, exchange, upstream, counter).run()
          : new OpenAiStreamRelay(ctx, exchange, upstream, counter).run();
    }
    return upstream.body()
        .map(body -> status >= 400 ? RelayResult.failure(OpenAiErrors.fromUpstream(status, body))
            : responses ? ResponsesResponse.relay(ctx, status, body, counter)
            : OpenAiResponse.relay(ctx, status, body, counter))
        .recover(err -> Future.succeededFuture(RelayResult.failure(exchange.failureOf(err))));
  }
}
