package org.aigateway.relay.convert;

import org.aigateway.protocol.model.Usage;

/**
 * The one place the converters build a {@link Usage}, so that a change to its fields touches only
 * this class. Counts follow the gateway's convention: input includes cached, cache-creation, image
 * and audio input tokens; output includes reasoning and image output tokens.
 */
public final class Usages {

  /** The counts beyond text tokens: image and audio input, image output, web searches. */
  public record Media(long imageInput, long audioInput, long imageOutput, long webSearches) {

    public static final Media NONE = new Media(0, 0, 0, 0);
  }

  private Usages() {
  }

  /** A text-only usage; a total of zero or less becomes input + output. */
  public static Usage of(long input, long output, long cached, long cacheCreation, long reasoning, long total) {
    return of(input, output, cached, cacheCreation, reasoning, total, Media.NONE);
  }

  /** A usage with media counts; a total of zero or less becomes input + output. */
  public static Usage of(long input, long output, long cached, long cacheCreation, long reasoning, long total,
                         Media media) {
    return new Usage(input, output, cached, cacheCreation, reasoning, total > 0 ? total : input + output,
        media.imageInput(), media.audioInput(), media.imageOutput(), media.webSearches());
  }

  /** {@code later} where it counted something, else {@code earlier}: streams report usage piecemeal. */
  public static Usage merge(Usage earlier, Usage later) {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    long input = pick(earlier.inputTokens(), later.inputTokens());
    long output = pick(earlier.outputTokens(), later.outputTokens());
    Media media = new Media(pick(earlier.imageInputTokens(), later.imageInputTokens()),
        pick(earlier.audioInputTokens(), later.audioInputTokens()),
        pick(earlier.imageOutputTokens(), later.imageOutputTokens()),
        pick(earlier.webSearchCount(), later.webSearchCount()));
    return of(input, output, pick(earlier.cachedTokens(), later.cachedTokens()),
        pick(earlier.cacheCreationTokens(), later.cacheCreationTokens()),
        pick(earlier.reasoningTokens(), later.reasoningTokens()), input + output, media);
  }

  private static long pick(long earlier, long later) {
    return later > 0 ? later : earlier;
  }
}
