package org.aigateway.relay.convert;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Recorded-style payloads under {@code src/test/resources/convert}, and helpers to compare conversions. */
public final class ConvertFixtures {

  private static final Pattern GENERATED = Pattern.compile("^(call_|chatcmpl-|msg_)[0-9a-f]{24}$");

  private ConvertFixtures() {
  }

  public static String text(String path) {
    try (InputStream in = ConvertFixtures.class.getResourceAsStream("/convert/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource convert/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonObject json(String path) {
    return new JsonObject(text(path));
  }

  /** The case files of a folder, listed in its {@code index.json}. */
  public static Stream<String> cases(String folder) {
    return json(folder + "/index.json").getJsonArray("cases").stream().map(name -> folder + "/" + name);
  }

  /** The data of each event of a recorded SSE text (a test-only reader: events split at blank lines). */
  public static List<String> data(String sse) {
    List<String> events = new ArrayList<>();
    for (String block : sse.replace("\r\n", "\n").split("\n\n")) {
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith("data:")) {
          data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
        }
      }
      if (!data.isEmpty()) {
        events.add(data.toString());
      }
    }
    return events;
  }

  /** Feeds a recorded stream event by event, then ends it; returns everything the client would get. */
  public static Buffer feed(StreamTranslator translator, String sse) {
    Buffer out = Buffer.buffer();
    data(sse).forEach(event -> out.appendBuffer(translator.onEvent(event)));
    return out.appendBuffer(translator.finish());
  }

  /** The client's SSE bytes as {@code [{"event"?, "data"}]}, data parsed when JSON. */
  public static JsonArray events(Buffer out) {
    JsonArray events = new JsonArray();
    for (String block : out.toString(StandardCharsets.UTF_8).split("\n\n")) {
      if (block.isBlank()) {
        continue;
      }
      JsonObject event = new JsonObject();
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          event.put("event", line.substring(7));
        } else if (line.startsWith("data: ")) {
          String data = line.substring(6);
          event.put("data", data.startsWith("{") ? new JsonObject(data) : data);
        }
      }
      events.add(event);
    }
    return normalise(events);
  }

  /** A copy without {@code created} timestamps and with generated ids replaced by their prefix and {@code *}. */
  @SuppressWarnings("unchecked")
  public static <T> T normalise(T json) {
    if (json instanceof JsonObject object) {
      JsonObject out = new JsonObject();
      object.forEach(e -> {
        if (!"created".equals(e.getKey())) {
          out.put(e.getKey(), normalise(e.getValue()));
        }
      });
      return (T) out;
    }
    if (json instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(item -> out.add(normalise(item)));
      return (T) out;
    }
    if (json instanceof String text && GENERATED.matcher(text).matches()) {
      return (T) (text.substring(0, text.indexOf(text.startsWith("chatcmpl-") ? '-' : '_') + 1) + "*");
    }
    return json;
  }

  /** What a client assembles from chunks: reasoning, content, each tool call's name and arguments, finish reason. */
  public static JsonObject chatSummary(JsonArray events) {
    StringBuilder reasoning = new StringBuilder();
    StringBuilder content = new StringBuilder();
    JsonObject tools = new JsonObject();
    JsonObject summary = new JsonObject();
    events.forEach(e -> {
      if (!(((JsonObject) e).getValue("data") instanceof JsonObject chunk)) {
        return;
      }
      chunk.getJsonArray("choices", new JsonArray()).forEach(c -> {
        JsonObject choice = (JsonObject) c;
        JsonObject delta = choice.getJsonObject("delta");
        reasoning.append(delta.getValue("reasoning_content") instanceof String r ? r : "");
        content.append(delta.getValue("content") instanceof String t ? t : "");
        delta.getJsonArray("tool_calls", new JsonArray()).forEach(t -> {
          JsonObject call = (JsonObject) t;
          String key = String.valueOf(call.getInteger("index"));
          JsonObject function = call.getJsonObject("function");
          JsonObject sum = tools.getJsonObject(key, new JsonObject().put("arguments", ""));
          if (function.getString("name") != null) {
            sum.put("name", function.getString("name")).put("id", call.getString("id"));
          }
          tools.put(key, sum.put("arguments", sum.getString("arguments") + function.getString("arguments", "")));
        });
        if (choice.getValue("finish_reason") != null) {
          summary.put("finish_reason", choice.getString("finish_reason"));
        }
      });
    });
    return summary.put("reasoning", reasoning.toString()).put("content", content.toString()).put("tools", tools);
  }
}
