package org.aigateway.testsupport;

import org.testcontainers.containers.GenericContainer;

/**
 * The real Redis tests run against: {@code GATEWAY_TEST_REDIS_URI} when set, else a Testcontainers
 * Redis when Docker works, else the local server on 127.0.0.1:6379.
 */
public final class TestRedis {

  private static String uri;

  private TestRedis() {
  }

  public static synchronized String uri() {
    if (uri == null) {
      uri = resolve();
    }
    return uri;
  }

  private static String resolve() {
    String fromEnv = System.getenv("GATEWAY_TEST_REDIS_URI");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    if (TestDatabases.dockerAvailable()) {
      GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
      redis.start();
      return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }
    return "redis://127.0.0.1:6379";
  }
}
