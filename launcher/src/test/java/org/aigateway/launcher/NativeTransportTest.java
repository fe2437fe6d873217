package org.aigateway.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.cluster.ClusterConfig;
import org.aigateway.runtime.cluster.VertxFactory;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NativeTransportTest {

  @Test
  @DisplayName("Every service's Vert.x runs on the native epoll transport on Linux x86_64, as the benchmarks assume")
  void epoll() {
    Vertx vertx = Await.result(VertxFactory.create(ClusterConfig.from(Settings.of(Map.of()), false)));
    try {
      assertThat(vertx.isNativeTransportEnabled()).as("native transport, cause: %s", vertx.unavailableNativeTransportCause())
          .isTrue();
    } finally {
      Await.result(vertx.close());
    }
  }
}
