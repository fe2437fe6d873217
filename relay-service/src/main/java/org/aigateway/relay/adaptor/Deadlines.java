package org.aigateway.relay.adaptor;

/**
 * The deadlines of one upstream call, in milliseconds.
 *
 * @param firstByteMs the wait for the upstream's first byte: the response head of a whole answer, the
 *                    first body byte of a stream (an SSE head alone proves nothing: servers send it
 *                    before generating anything)
 * @param idleMs      for streams, the longest silence between upstream chunks once the first arrived;
 *                    0 for none
 * @param totalMs     the ceiling of the whole call, whatever the others say
 */
public record Deadlines(long firstByteMs, long idleMs, long totalMs) {
}
