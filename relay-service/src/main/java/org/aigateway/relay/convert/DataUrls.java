package org.aigateway.relay.convert;

import java.util.Locale;

/** {@code data:<media type>;base64,<data>} URLs, the way OpenAI carries inline images and files. */
public final class DataUrls {

  /** The parts of a base64 data URL. */
  public record Inline(String mediaType, String data) {

    public String toUrl() {
      return "data:" + mediaType + ";base64," + data;
    }
  }

  private DataUrls() {
  }

  /** The media type (canonical, see below) and base64 data of {@code url}, {@code null} when it is not a base64 data URL. */
  public static Inline parse(String url) {
    if (url == null || !url.startsWith("data:")) {
      return null;
    }
    int comma = url.indexOf(',');
    int marker = url.lastIndexOf(";base64", comma);
    if (comma < 0 || marker < 0) {
      return null;
    }
    String mediaType = url.substring(5, marker);
    int parameters = mediaType.indexOf(';');
    return new Inline(canonical(parameters >= 0 ? mediaType.substring(0, parameters) : mediaType),
        url.substring(comma + 1));
  }

  /**
   * Media types are case-insensitive and {@code image/jpg} is a common misspelling OpenAI accepts;
   * Anthropic accepts only {@code image/jpeg} (and lower case), so a request valid for OpenAI would
   * be refused after conversion.
   */
  private static String canonical(String mediaType) {
    String lower = mediaType.strip().toLowerCase(Locale.ROOT);
    return "image/jpg".equals(lower) ? "image/jpeg" : lower;
  }
}
