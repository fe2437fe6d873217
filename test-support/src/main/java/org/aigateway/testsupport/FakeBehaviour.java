package org.aigateway.testsupport;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link FakeOpenAiServer} answers the next requests. Tests change it between calls; every
 * setter returns {@code this}. {@link #reset()} restores a healthy upstream.
 */
public final class FakeBehaviour {

  volatile String reply;
  volatile long promptTokens;
  volatile long completionTokens;
  volatile long cachedTokens;
  volatile long reasoningTokens;
  volatile boolean omitUsage;
  volatile boolean usageWithLastChoice;
  volatile long delayMs;
  volatile long chunkDelayMs;
  volatile int failStatus;
  volatile String failBody;
  volatile boolean malformedJson;
  volatile boolean splitFrames;
  volatile int closeAfterChunks;
  volatile int stallAfterChunks;
  volatile boolean endWithoutDone;
  volatile int inBandErrorAfterChunks;
  volatile boolean openAfterInBandError;
  volatile boolean stallAfterHeaders;
  volatile Future<Void> holdAfterFirstChunk;
  volatile long cacheCreationTokens;
  volatile String toolName;
  volatile String toolArguments;
  volatile String thinking;
  volatile List<String> pieces;
  volatile boolean responseFailed;

  FakeBehaviour() {
    reset();
  }

  /** A healthy upstream: answers at once, with usage, and ends streams with {@code [DONE]}. */
  public synchronized FakeBehaviour reset() {
    reply = "Hello from the fake upstream";
    promptTokens = 12;
    completionTokens = 6;
    cachedTokens = 0;
    reasoningTokens = 0;
    omitUsage = false;
    usageWithLastChoice = false;
    delayMs = 0;
    chunkDelayMs = 0;
    failStatus = 0;
    failBody = null;
    malformedJson = false;
    splitFrames = false;
    closeAfterChunks = -1;
    stallAfterChunks = -1;
    endWithoutDone = false;
    inBandErrorAfterChunks = -1;
    openAfterInBandError = false;
    stallAfterHeaders = false;
    holdAfterFirstChunk = null;
    cacheCreationTokens = 0;
    toolName = null;
    toolArguments = null;
    thinking = null;
    pieces = null;
    responseFailed = false;
    return this;
  }

  /** The answer text; streams send it word by word. */
  public FakeBehaviour reply(String text) {
    this.reply = text;
    return this;
  }

  /** The usage reported (prompt and completion tokens; the total is their sum). */
  public FakeBehaviour usage(long prompt, long completion) {
    this.promptTokens = prompt;
    this.completionTokens = completion;
    return this;
  }

  /** {@code prompt_tokens_details.cached_tokens} and {@code completion_tokens_details.reasoning_tokens}. */
  public FakeBehaviour details(long cached, long reasoning) {
    this.cachedTokens = cached;
    this.reasoningTokens = reasoning;
    return this;
  }

  /** Never report usage, not even when the request asks for it. */
  public FakeBehaviour omitUsage() {
    this.omitUsage = true;
    return this;
  }

  /** Put the usage into the last chunk that carries a choice, instead of a separate usage-only chunk. */
  public FakeBehaviour usageWithLastChoice() {
    this.usageWithLastChoice = true;
    return this;
  }

  /** Wait before sending the response head. */
  public FakeBehaviour delay(long ms) {
    this.delayMs = ms;
    return this;
  }

  /** Wait between stream events. */
  public FakeBehaviour chunkDelay(long ms) {
    this.chunkDelayMs = ms;
    return this;
  }

  /** Answer every request with this status and raw body. */
  public FakeBehaviour fail(int status, String body) {
    this.failStatus = status;
    this.failBody = body;
    return this;
  }

  /** Answer non-stream requests with 200 and a body that is not valid JSON. */
  public FakeBehaviour malformedJson() {
    this.malformedJson = true;
    return this;
  }

  /** Write every SSE event in two TCP writes, cut in the middle of its JSON. */
  public FakeBehaviour splitFrames() {
    this.splitFrames = true;
    return this;
  }

  /** Close the connection after this many content chunks of a stream. */
  public FakeBehaviour closeAfterChunks(int chunks) {
    this.closeAfterChunks = chunks;
    return this;
  }

  /** Send this many content chunks of a stream, then nothing more, leaving the response open. */
  public FakeBehaviour stallAfterChunks(int chunks) {
    this.stallAfterChunks = chunks;
    return this;
  }

  /** End streams normally but without the {@code [DONE]} event (and without usage). */
  public FakeBehaviour endWithoutDone() {
    this.endWithoutDone = true;
    return this;
  }

  /** Send an in-band {@code data: {"error":...}} event after this many content chunks, then end. */
  public FakeBehaviour inBandErrorAfterChunks(int chunks) {
    this.inBandErrorAfterChunks = chunks;
    return this;
  }

  /** With {@link #inBandErrorAfterChunks}, a Responses stream stays open after its error event instead of ending. */
  public FakeBehaviour openAfterInBandError() {
    this.openAfterInBandError = true;
    return this;
  }

  /** Send a 200 SSE head and then nothing at all. */
  public FakeBehaviour stallAfterHeaders() {
    this.stallAfterHeaders = true;
    return this;
  }

  /** After the first content chunk, wait until {@code release} completes before sending the rest. */
  public FakeBehaviour holdAfterFirstChunk(Future<Void> release) {
    this.holdAfterFirstChunk = release;
    return this;
  }

  /** Cache-creation (cache write) input tokens, reported by the Anthropic fake. */
  public FakeBehaviour cacheCreation(long tokens) {
    this.cacheCreationTokens = tokens;
    return this;
  }

  /** Answer with one tool call (arguments as JSON text) after the reply text (Anthropic and Gemini fakes). */
  public FakeBehaviour toolCall(String name, String argumentsJson) {
    this.toolName = name;
    this.toolArguments = argumentsJson;
    return this;
  }

  /** Reasoning sent before the reply (Anthropic thinking blocks, Gemini thought parts). */
  public FakeBehaviour thinking(String text) {
    this.thinking = text;
    return this;
  }

  /** Stream the reply in exactly these pieces (their concatenation is the reply). */
  public FakeBehaviour pieces(String... texts) {
    this.pieces = List.of(texts);
    this.reply = String.join("", texts);
    return this;
  }

  /** End Responses API streams with {@code response.failed} (an error, usage so far) instead of {@code response.completed}. */
  public FakeBehaviour responseFailed() {
    this.responseFailed = true;
    return this;
  }

  /** The pieces a stream sends: the explicit ones, else the reply word by word. */
  List<String> streamPieces() {
    if (pieces != null) {
      return pieces;
    }
    List<String> words = new ArrayList<>();
    String[] split = reply.split(" ");
    for (int i = 0; i < split.length; i++) {
      words.add(i == 0 ? split[i] : " " + split[i]);
    }
    return words;
  }
}
