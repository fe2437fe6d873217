package org.aigateway.relay.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Group;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.protocol.model.Token;
import org.aigateway.relay.adaptor.AdaptorRegistry;
import org.aigateway.relay.adaptor.ChannelTypes;
import org.aigateway.relay.adaptor.openai.OpenAiAdaptor;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.monitor.ModelHealth;
import org.aigateway.relay.snapshot.ConfigSnapshot;
import org.aigateway.relay.snapshot.SnapshotStore;
import org.aigateway.runtime.config.ConfigReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Channel choice for one request: the caller's model check and candidate channels
 * ({@link ModelResolver#resolve}) and the weighted pick ({@link ChannelPicker#pick}), in a
 * snapshot of 200 channels over 100 models in 4 sets, 8 channels per model.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ChannelChoiceBenchmark {

  private ModelResolver resolver;
  private Caller caller;

  @Setup
  public void snapshot() throws ReflectiveOperationException {
    List<Channel> channels = new ArrayList<>();
    for (int id = 1; id <= 200; id++) {
      JsonArray models = new JsonArray();
      for (int m = 0; m < 4; m++) {
        models.add("model-" + (id * 4 + m) % 100);
      }
      channels.add(Channel.fromJson(new JsonObject().put("id", id).put("type", ChannelTypes.OPENAI_COMPATIBLE)
          .put("name", "c" + id).put("key", "sk").put("base_url", "http://127.0.0.1:1/v1").put("models", models)
          .put("priority", id % 3).put("status", 1).put("sets", new JsonArray().add("set-" + id % 4))));
    }
    List<ModelConfig> configs = new ArrayList<>();
    for (int m = 0; m < 100; m++) {
      configs.add(ModelConfig.fromJson(new JsonObject().put("model", "model-" + m).put("type", 1)));
    }
    Group group = Group.fromJson(new JsonObject().put("id", "g").put("status", 1)
        .put("available_sets", new JsonArray().add("set-0").add("set-1")));
    Token token = Token.fromJson(new JsonObject().put("id", 1).put("key", "k").put("name", "t").put("group", "g")
        .put("status", 1));
    SnapshotStore store = new SnapshotStore(new ConfigReader(null));
    Field current = SnapshotStore.class.getDeclaredField("current");
    current.setAccessible(true);
    @SuppressWarnings("unchecked")
    AtomicReference<ConfigSnapshot> ref = (AtomicReference<ConfigSnapshot>) current.get(store);
    ref.set(ConfigSnapshot.of(channels, List.of(group), List.of(token), configs));
    AdaptorRegistry adaptors = new AdaptorRegistry(Map.of(
        ChannelTypes.OPENAI_COMPATIBLE, new OpenAiAdaptor("openai-compatible", "", null)));
    resolver = new ModelResolver(store, adaptors, false);
    caller = new Caller(token, group, false);
  }

  @Benchmark
  public Channel resolveAndPick() {
    Resolution resolution = resolver.resolve(caller, "model-42", Mode.CHAT_COMPLETIONS);
    return ChannelPicker.pick(resolution.candidates(), new HashSet<>(), ModelHealth.QUIET).orElseThrow();
  }
}
