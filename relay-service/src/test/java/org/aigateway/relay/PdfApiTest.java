package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.UnitPrice;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.MultipartBody;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PDFs: {@code /v1/parse/pdf} read by the gateway itself (text per page, billed per request as mode
 * 11), its refusals, and chat PDF parts turned into text for an upstream that cannot read PDFs
 * (DeepSeek) while OpenAI gets the PDF itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final Buffer TWO_PAGES = pdf("First page about otters", "Second page about beavers");

  private RelayHarness harness;
  private FakeOpenAiServer upstream;
  private FakeOllama ollama;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("pdf", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "pdf", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-up", List.of("pdf-reader", "gpt-4o"), Map.of());
    harness.fixtures.channel(36, upstream.baseUrl(), "sk-deepseek", List.of("deepseek-chat"), Map.of(), 0,
        Status.ENABLED, List.of("default"));
    ollama = new FakeOllama(harness.vertx);
    harness.fixtures.channel(30, ollama.baseUrl(), "", List.of("llama3"), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.chatModel("llama3", Fixtures.price("1", "1"));
    UnitPrice none = UnitPrice.NONE;
    harness.fixtures.modelConfig("pdf-reader", 11, new Price(new BigDecimal("0.05"), none, none, none, none, none,
        none, none, none, none, List.of()), 0, new JsonObject());
    harness.fixtures.chatModel("gpt-4o", Fixtures.price("1", "1"));
    harness.fixtures.chatModel("deepseek-chat", Fixtures.price("1", "1"));
    harness.deploy(Map.of("PDF_MAX_PAGES", 3));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstream() {
    upstream.reset();
  }

  static Buffer pdf(String... pages) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : pages) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          content.newLineAtOffset(72, 700);
          content.showText(text);
          content.endText();
        }
      }
      document.save(out);
      return Buffer.buffer(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<Buffer> parse(String path, MultipartBody form) {
    return harness.postForm(path, KEY, form);
  }

  private static MultipartBody file(Buffer data) {
    return MultipartBody.create().file("file", "paper.pdf", "application/pdf", data);
  }

  @Test
  @DisplayName("/v1/parse/pdf answers the text of each page, calls no upstream, and bills the per-request price")
  void parsesTwoPages() {
    HttpResponse<Buffer> response = parse("/v1/parse/pdf?model=pdf-reader", file(TWO_PAGES));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getInteger("pages")).isEqualTo(2);
    assertThat(body.getString("markdown")).isEqualTo("First page about otters\n\nSecond page about beavers");
    assertThat(upstream.requests()).isEmpty();
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.mode()).isEqualTo(11);
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.usage().inputTokens()).isEqualTo(2);
    assertThat(event.amount().total()).isEqualByComparingTo(new BigDecimal("0.05"));
  }

  @Test
  @DisplayName("The model may come from the form; response_format=list answers one text per page")
  void modelFromFormAsList() {
    HttpResponse<Buffer> response = parse("/v1/parse/pdf",
        file(TWO_PAGES).field("model", "pdf-reader").field("response_format", "list"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("markdowns"))
        .containsExactly("First page about otters", "Second page about beavers");
  }

  @Test
  @DisplayName("Files that are not readable PDFs get a 400 invalid_pdf and cost nothing")
  void unreadable() {
    for (Buffer bad : List.of(Buffer.buffer("just some text"), Buffer.buffer("%PDF-1.7\nthis is not really a pdf"),
        pdf("1", "2", "3", "4"))) {
      HttpResponse<Buffer> response = parse("/v1/parse/pdf?model=pdf-reader", file(bad));

      assertThat(response.statusCode()).isEqualTo(400);
      JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("invalid_pdf");
      assertThat(harness.event(response.getHeader(RequestIds.HEADER)).amount().total()).isZero();
    }
    HttpResponse<Buffer> tooMany = parse("/v1/parse/pdf?model=pdf-reader", file(pdf("1", "2", "3", "4")));
    assertThat(tooMany.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("4 pages", "3");
  }

  @Test
  @DisplayName("A PDF whose page tree is damaged (a negative page count) gets a 400 invalid_pdf, on /v1/parse/pdf and "
      + "in a chat for DeepSeek, not a 500")
  void damagedPageTree() {
    Buffer damaged = withPageCount(TWO_PAGES, -5);
    JsonObject chat = chatWithPdf("deepseek-chat");
    chat.getJsonArray("messages").getJsonObject(0).getJsonArray("content").getJsonObject(1).getJsonObject("file")
        .put("file_data", "data:application/pdf;base64," + Base64.getEncoder().encodeToString(damaged.getBytes()));

    HttpResponse<Buffer> parsed = parse("/v1/parse/pdf?model=pdf-reader", file(damaged));
    HttpResponse<Buffer> chatted = harness.post("/v1/chat/completions", KEY, chat);

    for (HttpResponse<Buffer> response : List.of(parsed, chatted)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("invalid_pdf");
      assertThat(harness.event(response.getHeader(RequestIds.HEADER)).amount().total()).isZero();
    }
    assertThat(upstream.requests()).isEmpty();
  }

  /** {@code pdf} with its page tree's /Count set to {@code count}. */
  private static Buffer withPageCount(Buffer pdf, int count) {
    try (PDDocument document = Loader.loadPDF(pdf.getBytes()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getPages().getCOSObject().setInt(COSName.COUNT, count);
      document.save(out);
      return Buffer.buffer(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("/v1/parse/pdf without a model or without a file gets a 400")
  void missingModelOrFile() {
    HttpResponse<Buffer> noModel = parse("/v1/parse/pdf", file(TWO_PAGES));
    HttpResponse<Buffer> noFile = parse("/v1/parse/pdf?model=pdf-reader", MultipartBody.create().field("x", "y"));

    assertThat(noModel.statusCode()).isEqualTo(400);
    assertThat(noModel.bodyAsJsonObject().getJsonObject("error").getString("param")).isEqualTo("model");
    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(noFile.bodyAsJsonObject().getJsonObject("error").getString("param")).isEqualTo("file");
  }

  private static JsonObject chatWithPdf(String model) {
    JsonObject filePart = new JsonObject().put("type", "file").put("file", new JsonObject()
        .put("filename", "paper.pdf")
        .put("file_data", "data:application/pdf;base64," + Base64.getEncoder().encodeToString(TWO_PAGES.getBytes())));
    JsonArray content = new JsonArray().add(new JsonObject().put("type", "text").put("text", "Summarise"))
        .add(filePart);
    return new JsonObject().put("model", model)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", content)));
  }

  @Test
  @DisplayName("A chat PDF part reaches DeepSeek as a text part with the PDF's text")
  void pdfPartAsTextForDeepSeek() {
    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, chatWithPdf("deepseek-chat"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(upstream.lastRequest().header("Authorization")).isEqualTo("Bearer sk-deepseek");
    JsonArray content = upstream.lastRequest().json().getJsonArray("messages").getJsonObject(0)
        .getJsonArray("content");
    assertThat(content.getJsonObject(0)).isEqualTo(new JsonObject().put("type", "text").put("text", "Summarise"));
    assertThat(content.getJsonObject(1)).isEqualTo(new JsonObject().put("type", "text")
        .put("text", "[PDF paper.pdf]\nFirst page about otters\n\nSecond page about beavers"));
  }

  @Test
  @DisplayName("A chat PDF part reaches Ollama's native API as the PDF's text")
  void pdfPartAsTextForOllama() {
    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, chatWithPdf("llama3"));

    assertThat(response.statusCode()).isEqualTo(200);
    String sent = ollama.bodies.get(ollama.bodies.size() - 1).getJsonArray("messages").getJsonObject(0).encode();
    assertThat(sent).contains("First page about otters").contains("Second page about beavers")
        .doesNotContain("base64");
  }

  @Test
  @DisplayName("A chat PDF part reaches OpenAI unchanged")
  void pdfPartKeptForOpenAi() {
    JsonObject request = chatWithPdf("gpt-4o");

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(upstream.lastRequest().json()).isEqualTo(request);
  }

  @Test
  @DisplayName("A broken PDF in a chat for DeepSeek gets a 400 invalid_pdf before any upstream call")
  void brokenPdfPartForDeepSeek() {
    JsonObject request = chatWithPdf("deepseek-chat");
    request.getJsonArray("messages").getJsonObject(0).getJsonArray("content").getJsonObject(1).getJsonObject("file")
        .put("file_data", "data:application/pdf;base64,"
            + Base64.getEncoder().encodeToString("%PDF-1.4 no".getBytes()));

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, request);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("invalid_pdf");
    assertThat(upstream.requests()).isEmpty();
  }
}
