package org.aigateway.relay.adaptor.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.usage.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiFieldsTest {

  /** The reference: the same facts read from the parsed tree, as the relay read them before. */
  private static OpenAiFields reference(String json, StringBuilder text) {
    JsonObject tree;
    try {
      tree = new JsonObject(json);
    } catch (RuntimeException e) {
      return null;
    }
    int choices = -1;
    if (tree.getValue("choices") instanceof JsonArray array) {
      choices = array.size();
      array.forEach(c -> {
        if (c instanceof JsonObject choice) {
          Texts.appendChoice(text, choice);
        }
      });
    }
    return new OpenAiFields(tree.getValue("id") instanceof String id ? id : null,
        tree.getValue("usage") instanceof JsonObject usage ? usage : null,
        tree.getValue("error") instanceof JsonObject, choices);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":\"Hello\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,"
          + "\"total_tokens\":7,\"prompt_tokens_details\":{\"cached_tokens\":1},\"completion_tokens_details\":"
          + "{\"reasoning_tokens\":1}}}",
      "{\"id\":\"c2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}],\"usage\":null}",
      "{\"id\":\"c3\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}",
      "{\"choices\":[{\"text\":\"legacy\"},{\"text\":\" two\",\"delta\":{\"content\":\"x\"}}]}",
      "{\"choices\":[{\"message\":null,\"delta\":{\"content\":\"delta used\"}}]}",
      "{\"choices\":[{\"message\":\"not an object\",\"delta\":{\"content\":\"ignored\"}}]}",
      "{\"choices\":[{\"delta\":{\"content\":[\"a\",{\"type\":\"text\",\"text\":\"b\"},{\"text\":1},7,null,[\"c\"]]}}]}",
      "{\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"think\",\"tool_calls\":[{\"index\":0,"
          + "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":1}\"}},{\"function\":\"bad\"},3]}}]}",
      "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"name\":\"g\",\"arguments\":1}}]}}]}",
      "{\"choices\":[{\"delta\":{\"content\":\"first\",\"content\":\"last\"},\"text\":\"a\",\"text\":null}]}",
      "{\"choices\":[{\"delta\":{\"content\":\"dropped\"}}],\"choices\":[{\"delta\":{\"content\":\"kept\"}}]}",
      "{\"choices\":\"not an array\",\"id\":7,\"usage\":[1]}",
      "{\"id\":\"a\",\"id\":\"b\",\"usage\":{\"prompt_tokens\":1},\"usage\":null}",
      "{\"error\":{\"message\":\"rate limited\",\"code\":\"rate_limit_exceeded\"}}",
      "{\"error\":\"a string is not an error object\",\"choices\":[null,1,\"s\",{}]}",
      "{\"nested\":{\"choices\":[{\"text\":\"not top level\"}],\"usage\":{}},\"list\":[{\"id\":\"x\"}]}",
      "{\"choices\":[{\"delta\":{\"content\":\"quote \\\"usage\\\": and \\u00e9\"}}]}",
      "{}",
      "[]",
      "\"text\"",
      "null",
      "{\"a\":1}{\"b\":2}",
      "{\"a\":1} trailing",
      "{\"unterminated\":",
      "{\"choices\":[{\"delta\":{\"content\":\"partial\"}}],\"oops\"}",
      "not json",
  })
  @DisplayName("One streaming pass reads the same id, usage, error, choice count and text as the parsed tree")
  void sameAsTree(String json) {
    StringBuilder expectedText = new StringBuilder("prefix:");
    StringBuilder text = new StringBuilder("prefix:");

    OpenAiFields expected = reference(json, expectedText);
    OpenAiFields fields = OpenAiFields.read(json, text);

    assertThat(fields).isEqualTo(expected);
    assertThat(text.toString()).isEqualTo(expected == null ? "prefix:" : expectedText.toString());
    assertThat(OpenAiFields.read(Buffer.buffer(json), new StringBuilder())).isEqualTo(expected);
  }

  @Test
  @DisplayName("Usage numbers keep their values, nested details included")
  void usageValues() {
    OpenAiFields fields = OpenAiFields.read("{\"usage\":{\"prompt_tokens\":12345678901,\"completion_tokens\":2,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":3},\"ratio\":0.5,\"flag\":true,\"list\":[1,\"a\",null]}}",
        new StringBuilder());

    assertThat(OpenAiUsage.parse(fields.usage()).inputTokens()).isEqualTo(12_345_678_901L);
    assertThat(OpenAiUsage.parse(fields.usage()).cachedTokens()).isEqualTo(3);
    assertThat(fields.usage()).isEqualTo(new JsonObject("{\"prompt_tokens\":12345678901,\"completion_tokens\":2,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":3},\"ratio\":0.5,\"flag\":true,\"list\":[1,\"a\",null]}"));
  }
}
