package org.aigateway.relay.adaptor.openai;

import io.vertx.core.buffer.Buffer;

/**
 * One server-sent event: its bytes exactly as received (blank line included) and the joined
 * value of its {@code data:} lines, {@code null} when it has none (comments, keep-alives).
 */
public record SseEvent(Buffer raw, String data) {
}
