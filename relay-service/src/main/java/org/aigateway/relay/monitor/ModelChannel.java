package org.aigateway.relay.monitor;

/** The unit the monitor counts and bans: one model served by one channel. */
public record ModelChannel(String model, int channelId) {
}
