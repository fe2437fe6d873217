package org.aigateway.relay.snapshot;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.protocol.event.ConfigChanged.Op;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.GroupModelConfig;
import org.aigateway.protocol.model.Token;
import org.aigateway.runtime.config.ConfigReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link ConfigSnapshot}: loads it whole at start and on every resync, and
 * reloads only the item a {@link ConfigChanged} event names.
 */
public final class SnapshotStore {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
  private static final int RESYNC_ATTEMPTS = 3;

  private final ConfigReader reader;
  private final UnaryOperator<Channel> channelDefaults;
  private final AtomicReference<ConfigSnapshot> current = new AtomicReference<>(ConfigSnapshot.EMPTY);
  private final AtomicLong changes = new AtomicLong();
  private final List<Runnable> tokenListeners = new CopyOnWriteArrayList<>();

  public SnapshotStore(ConfigReader reader) {
    this(reader, UnaryOperator.identity());
  }

  /** {@code channelDefaults} completes every channel read (default models and mapping by type, {@link ChannelDefaults}). */
  public SnapshotStore(ConfigReader reader, UnaryOperator<Channel> channelDefaults) {
    this.reader = reader;
    this.channelDefaults = channelDefaults;
  }

  public ConfigSnapshot current() {
    return current.get();
  }

  public ConfigReader reader() {
    return reader;
  }

  /** Runs {@code listener} after every token change event (the negative key cache clears itself). */
  public void onTokenChange(Runnable listener) {
    tokenListeners.add(listener);
  }

  /**
   * Loads everything and swaps it in. When an event changed the snapshot while the load ran, the
   * load may predate that change, so it is repeated (a few times at most).
   */
  public Future<Void> resync() {
    return resync(RESYNC_ATTEMPTS);
  }

  private Future<Void> resync(int attempts) {
    long seen = changes.get();
    Future<List<Channel>> channels = reader.channels().map(list -> list.stream().map(channelDefaults).toList());
    return Future.all(channels, reader.groups(), reader.tokens(), reader.modelConfigs(),
            reader.groupModelConfigs())
        .compose(all -> {
          if (changes.get() != seen && attempts > 1) {
            return resync(attempts - 1);
          }
          current.set(ConfigSnapshot.of(all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3),
              all.resultAt(4)));
          return Future.succeededFuture();
        });
  }

  /** Reloads the one item the event names. */
  public Future<Void> apply(ConfigChanged change) {
    return switch (change.kind()) {
      case TOKEN -> applyToken(change).onComplete(r -> tokenListeners.forEach(Runnable::run));
      case GROUP -> change.op() == Op.DELETE
          ? update(s -> s.withoutGroup(change.id()))
          : reload(reader.group(change.id()), ConfigSnapshot::withGroup, s -> s.withoutGroup(change.id()));
      case CHANNEL -> reload(reader.channel(Integer.parseInt(change.id())).map(c -> c.map(channelDefaults)),
          ConfigSnapshot::withChannel,
          s -> s.withoutChannel(Integer.parseInt(change.id())));
      case MODEL_CONFIG -> reload(reader.modelConfig(change.id()), ConfigSnapshot::withModelConfig,
          s -> s.withoutModelConfig(change.id()));
      case GROUP_MODEL_CONFIG -> reload(
          reader.groupModelConfig(GroupModelConfig.groupOf(change.id()), GroupModelConfig.modelOf(change.id())),
          ConfigSnapshot::withGroupModelConfig, s -> s.withoutGroupModelConfig(change.id()));
    };
  }

  /** Adds a token (and its group) found in the database before their events arrived. */
  public void learn(Token token, Group group) {
    update(s -> s.withGroup(group).withToken(token));
  }

  private Future<Void> applyToken(ConfigChanged change) {
    long id = Long.parseLong(change.id());
    if (change.op() == Op.DELETE) {
      return update(s -> s.withoutToken(id));
    }
    return reload(reader.token(id), ConfigSnapshot::withToken, s -> s.withoutToken(id));
  }

  private <T> Future<Void> reload(Future<Optional<T>> read, ItemChange<T> present, UnaryOperator<ConfigSnapshot> absent) {
    return read.compose(item -> update(item.<UnaryOperator<ConfigSnapshot>>map(i -> s -> present.apply(s, i))
        .orElse(absent)));
  }

  private Future<Void> update(UnaryOperator<ConfigSnapshot> change) {
    changes.incrementAndGet();
    current.updateAndGet(change);
    return Future.succeededFuture();
  }

  /** Logs a change that could not be applied; the next resync repairs the snapshot. */
  public static Function<Throwable, Future<Void>> logFailure(ConfigChanged change) {
    return err -> {
      LOG.warn("Could not apply {}; the periodic resync will catch up", change, err);
      return Future.succeededFuture();
    };
  }

  @FunctionalInterface
  private interface ItemChange<T> {
    ConfigSnapshot apply(ConfigSnapshot snapshot, T item);
  }
}
