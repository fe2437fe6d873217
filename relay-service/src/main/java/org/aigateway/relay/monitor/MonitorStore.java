package org.aigateway.relay.monitor;

import io.vertx.core.Future;
import java.util.Map;

/** Where outcomes and bans live: this instance's memory, or Redis shared by every relay replica. */
interface MonitorStore {

  /** Counts {@code requests} outcomes, {@code errors} of them failures; the pair's window error rate after them. */
  Future<Double> record(ModelChannel pair, long requests, long errors);

  /** The window error rate of each channel with outcomes for {@code model}. */
  Future<Map<Integer, Double>> rates(String model);

  /** Bans the pair until {@code untilMs} (epoch ms), replacing an earlier ban. */
  Future<Void> ban(ModelChannel pair, long untilMs);

  Future<Void> unban(ModelChannel pair);

  /** Every ban still in force, with its end (epoch ms). */
  Future<Map<ModelChannel, Long>> bans();

  /** Forgets the channel's outcomes and bans for every model. */
  Future<Void> clearChannel(int channelId);
}
