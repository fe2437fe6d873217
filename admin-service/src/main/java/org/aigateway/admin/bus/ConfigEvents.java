package org.aigateway.admin.bus;

import io.vertx.core.eventbus.EventBus;
import java.util.Collection;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.event.ConfigChanged.Op;

/** Publishes one {@link ConfigChanged} per written item, after the write has committed. */
public final class ConfigEvents {

  private final EventBus bus;

  public ConfigEvents(EventBus bus) {
    this.bus = bus;
  }

  public void upserted(Kind kind, Object id) {
    publish(new ConfigChanged(kind, String.valueOf(id), Op.UPSERT));
  }

  public void upserted(Kind kind, Collection<?> ids) {
    ids.forEach(id -> upserted(kind, id));
  }

  public void deleted(Kind kind, Object id) {
    publish(new ConfigChanged(kind, String.valueOf(id), Op.DELETE));
  }

  private void publish(ConfigChanged event) {
    bus.publish(Addresses.CONFIG_CHANGED, event.toJson());
  }
}
