package org.aigateway.relay.pdf;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF, page by page, read with Apache PDFBox. Blocking and CPU-bound: call it on a
 * worker thread, never on an event loop. Only the text layer is read (no OCR of scanned pages, no
 * table or image reconstruction), so the "markdown" is the pages' plain text.
 */
public final class PdfText {

  private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.ISO_8859_1);

  private PdfText() {
  }

  /** The text of each page, in order. */
  public record Extracted(List<String> pages) {

    public Extracted {
      pages = List.copyOf(pages);
    }

    /** The pages' texts joined by blank lines. */
    public String markdown() {
      return String.join("\n\n", pages);
    }
  }

  /** Whether the bytes start as a PDF does ({@code %PDF-}); cheap, for a quick refusal before any work. */
  public static boolean looksLikePdf(Buffer data) {
    if (data.length() < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (data.getByte(i) != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * @throws RelayException 413 over the size limit; 400 for what is not a readable PDF (no PDF header,
   *                        damaged, password-protected) or has more pages than allowed
   */
  public static Extracted extract(Buffer data, PdfLimits limits) {
    check(data, limits);
    try (PDDocument document = Loader.loadPDF(data.getBytes())) {
      // The page tree's own /Count, which a damaged or hostile file may give as negative.
      int count = document.getNumberOfPages();
      if (count < 0) {
        throw OpenAiErrors.unreadablePdf("The PDF's page tree is damaged.");
      }
      if (count > limits.maxPages()) {
        throw OpenAiErrors.unreadablePdf("The PDF has " + count + " pages; at most " + limits.maxPages()
            + " are read.");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      List<String> pages = new ArrayList<>(count);
      for (int page = 1; page <= count; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document).strip());
      }
      return new Extracted(pages);
    } catch (InvalidPasswordException e) {
      throw OpenAiErrors.unreadablePdf("The PDF is password-protected.");
    } catch (IOException e) {
      throw OpenAiErrors.unreadablePdf("The PDF could not be read: " + e.getMessage());
    } catch (RelayException e) {
      throw e;
    } catch (RuntimeException e) {
      // PDFBox also fails on some malformed files with unchecked exceptions: still the file's fault, not ours.
      throw OpenAiErrors.unreadablePdf("The PDF could not be read: " + e.getMessage());
    }
  }

  /** The checks that need no parsing. @throws RelayException as {@link #extract} */
  public static void check(Buffer data, PdfLimits limits) {
    if (data.length() > limits.maxBytes()) {
      throw OpenAiErrors.pdfTooLarge(limits.maxBytes());
    }
    if (!looksLikePdf(data)) {
      throw OpenAiErrors.unreadablePdf("The file is not a PDF.");
    }
  }
}
