package org.aigateway.relay.routing;

import java.util.List;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.ModelConfig;

/**
 * A model the caller may use on this endpoint: its configuration ({@code null} when model configs
 * are disabled and it has none) and the channels able to serve it (may be empty: then 503).
 */
public record Resolution(ModelConfig modelConfig, List<Channel> candidates) {
}
