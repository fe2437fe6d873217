package org.aigateway.runtime.cluster;

import java.util.Arrays;
import java.util.List;
import org.aigateway.protocol.config.Settings;

/**
 * How a process joins the clustered event bus: Hazelcast with TCP-IP join (multicast off).
 *
 * @param enabled  join a cluster at all; when false the event bus is local to the process
 * @param name     the Hazelcast cluster name; processes with other names never join
 * @param host     the address this member binds and announces (Hazelcast and the event bus)
 * @param port     the first Hazelcast port tried (auto-increment over ten ports)
 * @param members  addresses of members to join (plain hosts or IPs; the port range is scanned)
 * @param busPort  the event-bus TCP port, 0 for a random free one
 */
public record ClusterConfig(boolean enabled, String name, String host, int port, List<String> members, int busPort) {

  /** Reads {@code CLUSTER_*} settings; {@code enabledByDefault} differs between a lone service and the launcher. */
  public static ClusterConfig from(Settings settings, boolean enabledByDefault) {
    String host = settings.string("CLUSTER_HOST", "127.0.0.1");
    List<String> members = Arrays.stream(settings.string("CLUSTER_MEMBERS", host).split(","))
        .map(String::trim)
        .filter(m -> !m.isEmpty())
        .toList();
    return new ClusterConfig(
        settings.bool("CLUSTER_ENABLED", enabledByDefault),
        settings.string("CLUSTER_NAME", "ai-gateway"),
        host,
        settings.integer("CLUSTER_PORT", 5701),
        members,
        settings.integer("CLUSTER_BUS_PORT", 0));
  }
}
