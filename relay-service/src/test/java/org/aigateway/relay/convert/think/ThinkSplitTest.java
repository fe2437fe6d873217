package org.aigateway.relay.convert.think;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThinkSplitTest {

  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("<think>\nplan the answer\n</think>\n\nThe answer is 4.", "plan the answer\n", "The answer is 4."),
        Arguments.of("\n<think>\nx</think>y", "x", "y"),
        Arguments.of("<think>abc</think>def", "abc", "def"),
        Arguments.of("  <think></think>", "", ""),
        Arguments.of("<think>\r\nA</think>\r\nB", "A", "B"),
        Arguments.of("<think>unfinished thought", "unfinished thought", ""),
        Arguments.of("<think>a</think>b</think>c", "a", "b</think>c"),
        Arguments.of("Hello <think>x</think>", null, "Hello <think>x</think>"),
        Arguments.of("<thinking>x</thinking>", null, "<thinking>x</thinking>"),
        Arguments.of("<thi", null, "<thi"),
        Arguments.of("   ", null, "   "),
        Arguments.of("", null, ""));
  }

  @ParameterizedTest(name = "#{index} \"{0}\"")
  @MethodSource("messages")
  @DisplayName("A whole message splits into reasoning and content only when it opens with <think>")
  void splitsWholeMessage(String text, String reasoning, String content) {
    ThinkPart part = ThinkSplit.split(text).orElse(null);

    if (reasoning == null) {
      assertThat(part).isNull();
    } else {
      assertThat(part).isEqualTo(new ThinkPart(reasoning, content));
    }
  }

  @ParameterizedTest(name = "#{index} \"{0}\"")
  @MethodSource("messages")
  @DisplayName("Every cut of a message into three pieces, streamed, gives the same reasoning and content as the whole")
  void everyCutMatchesTheWhole(String text, String reasoning, String content) {
    ThinkPart whole = ThinkSplit.split(text).orElse(new ThinkPart("", text));
    for (int i = 0; i <= text.length(); i++) {
      for (int j = i; j <= text.length(); j++) {
        List<String> pieces = List.of(text.substring(0, i), text.substring(i, j), text.substring(j));
        assertThat(stream(pieces)).as("cut at %d and %d", i, j).isEqualTo(whole);
      }
    }
  }

  @ParameterizedTest(name = "#{index} \"{0}\"")
  @MethodSource("messages")
  @DisplayName("Feeding one character at a time gives the same result as the whole message")
  void characterByCharacter(String text, String reasoning, String content) {
    List<String> pieces = new ArrayList<>();
    text.chars().forEach(c -> pieces.add(String.valueOf((char) c)));

    assertThat(stream(pieces)).isEqualTo(ThinkSplit.split(text).orElse(new ThinkPart("", text)));
  }

  private static ThinkPart stream(List<String> pieces) {
    ThinkSplitter splitter = new ThinkSplitter();
    ThinkPart total = ThinkPart.EMPTY;
    for (String piece : pieces) {
      total = total.plus(splitter.feed(piece));
    }
    return total.plus(splitter.finish());
  }

  @Test
  @DisplayName("Reasoning is released at once, holding back only a suffix that could start </think>")
  void releasesEarly() {
    ThinkSplitter splitter = new ThinkSplitter();

    assertThat(splitter.feed("<think>\nI am thinking about </th")).isEqualTo(new ThinkPart("I am thinking about ", ""));
    assertThat(splitter.feed("e")).isEqualTo(new ThinkPart("</the", ""));
    assertThat(splitter.feed("m<")).isEqualTo(new ThinkPart("m", ""));
    assertThat(splitter.feed("/think>\n\nAns")).isEqualTo(new ThinkPart("", "Ans"));
    assertThat(splitter.feed("wer")).isEqualTo(new ThinkPart("", "wer"));
    assertThat(splitter.finish()).isEqualTo(ThinkPart.EMPTY);
    assertThat(splitter.foundThink()).isTrue();
  }

  @Test
  @DisplayName("Content that cannot open a think block is released at its first character")
  void releasesPlainContentAtOnce() {
    ThinkSplitter splitter = new ThinkSplitter();

    assertThat(splitter.feed("\n")).isEqualTo(ThinkPart.EMPTY);
    assertThat(splitter.feed("<thi")).isEqualTo(ThinkPart.EMPTY);
    assertThat(splitter.feed("s is not a tag")).isEqualTo(new ThinkPart("", "\n<this is not a tag"));
    assertThat(splitter.feed("<think>later</think>")).isEqualTo(new ThinkPart("", "<think>later</think>"));
    assertThat(splitter.foundThink()).isFalse();
  }
}
