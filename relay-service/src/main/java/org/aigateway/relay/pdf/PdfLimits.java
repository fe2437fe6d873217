package org.aigateway.relay.pdf;

import org.aigateway.protocol.config.Settings;

/**
 * What the gateway agrees to read text from, so that one upload cannot hold a worker for long.
 *
 * @param maxBytes  PDF_MAX_SIZE_MB: largest PDF file
 * @param maxPages  PDF_MAX_PAGES: most pages
 */
public record PdfLimits(long maxBytes, int maxPages) {

  public static PdfLimits from(Settings s) {
    return new PdfLimits(s.longValue("PDF_MAX_SIZE_MB", 32) * 1024 * 1024, s.integer("PDF_MAX_PAGES", 500));
  }
}
