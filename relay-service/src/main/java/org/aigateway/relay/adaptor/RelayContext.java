package org.aigateway.relay.adaptor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Price;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.usage.PromptTokens;

/**
 * Everything about one relayed request while it runs: the request, the caller, the model's
 * configuration, the client's response, the channel of the current attempt and the attempts so far.
 * Used on the request's event loop only.
 */
public final class RelayContext {

  private final RelayRequest request;
  private final Caller caller;
  private final ModelConfig modelConfig;
  private final Downstream downstream;
  private final PromptTokens promptTokens;
  private final List<Attempt> attempts = new ArrayList<>(2);
  private Channel channel;
  private String actualModel;
  private Consumer<RelayResult> finishHook;
  private Consumer<String> createdHook;
  private RelayRequest pdfAsText;
  private boolean usageDeferred;

  public RelayContext(RelayRequest request, Caller caller, ModelConfig modelConfig, Downstream downstream,
                      PromptTokens promptTokens) {
    this.request = request;
    this.caller = caller;
    this.modelConfig = modelConfig;
    this.downstream = downstream;
    this.promptTokens = promptTokens;
  }

  public RelayRequest request() {
    return request;
  }

  public Caller caller() {
    return caller;
  }

  /** The model's configuration, {@code null} when model configs are disabled and none exists. */
  public ModelConfig modelConfig() {
    return modelConfig;
  }

  /** The model's price; free when it has no configuration. */
  public Price price() {
    return modelConfig == null ? Price.FREE : modelConfig.price();
  }

  /** The input tokens the gateway estimates for the client's request, counted once (shared with admission). */
  public long promptTokens() {
    return promptTokens.count();
  }

  /** Whether {@link #promptTokens()} exceeds {@code tokens}, answered without counting when the request is plainly smaller. */
  public boolean promptTokensExceed(long tokens) {
    return promptTokens.exceeds(tokens);
  }

  /** The shared counter behind {@link #promptTokens()}, for a context derived from this one. */
  public PromptTokens promptTokenCounter() {
    return promptTokens;
  }

  public Downstream downstream() {
    return downstream;
  }

  /** The channel of the current (or last) attempt, {@code null} before the first. */
  public Channel channel() {
    return channel;
  }

  public void useChannel(Channel channel) {
    this.channel = channel;
    this.actualModel = channel.upstreamModel(request.model());
  }

  /** The model name sent upstream: the channel's mapping of the requested model (read several times a request). */
  public String actualModel() {
    return channel == null ? request.model() : actualModel;
  }

  /**
   * The request with its PDF file parts turned into text parts, for adaptors that cannot read PDFs;
   * {@code null} when the request has no PDF or no candidate channel needs it.
   */
  public RelayRequest pdfAsText() {
    return pdfAsText;
  }

  public void usePdfAsText(RelayRequest request) {
    this.pdfAsText = request;
  }

  /** Runs {@code hook} once with the request's final result (admission settles its token reservation there). */
  public void onFinish(Consumer<RelayResult> hook) {
    this.finishHook = hook;
  }

  /** Called by the relay once the request has ended, whatever the outcome. */
  public void finished(RelayResult result) {
    Consumer<RelayResult> hook = finishHook;
    finishHook = null;
    if (hook != null) {
      hook.accept(result);
    }
  }

  /**
   * Runs {@code hook} with the id of an object the upstream creates for this request (a stored
   * response), as soon as the adaptor reads it and before the client sees it ends.
   */
  public void onCreated(Consumer<String> hook) {
    this.createdHook = hook;
  }

  /** Called by an adaptor when the upstream names an object it created for this request. */
  public void created(String upstreamId) {
    if (createdHook != null && upstreamId != null && !upstreamId.isEmpty()) {
      createdHook.accept(upstreamId);
    }
  }

  /**
   * Marks the upstream's answer as one that reports its usage later (a queued background response):
   * the request bills nothing, and a follow-up that sees the usage bills it. Set before {@link #created}.
   */
  public void deferUsage() {
    usageDeferred = true;
  }

  /** Whether {@link #deferUsage()} was called. */
  public boolean usageDeferred() {
    return usageDeferred;
  }

  public void recordAttempt(Attempt attempt) {
    attempts.add(attempt);
  }

  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }
}
