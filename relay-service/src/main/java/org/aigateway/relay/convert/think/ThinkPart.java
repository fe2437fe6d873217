package org.aigateway.relay.convert.think;

/** What a piece of assistant content splits into: reasoning (inside {@code <think>}) and content. */
public record ThinkPart(String reasoning, String content) {

  public static final ThinkPart EMPTY = new ThinkPart("", "");

  public boolean isEmpty() {
    return reasoning.isEmpty() && content.isEmpty();
  }

  /** This part followed by {@code next}. */
  public ThinkPart plus(ThinkPart next) {
    return new ThinkPart(reasoning + next.reasoning, content + next.content);
  }
}
