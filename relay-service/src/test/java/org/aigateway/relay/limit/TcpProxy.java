package org.aigateway.relay.limit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP hop between a Redis client and the real Redis that a test can take down (connections are
 * then refused), bring back on the same port, or turn into a black hole that accepts connections
 * and never answers, or hold Redis's replies back (the commands still run) until released. The real
 * Redis is never touched.
 */
public final class TcpProxy {

  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean answering = true;
  private final List<Runnable> heldReplies = new ArrayList<>();
  private boolean holding;
  private NetServer server;
  private int port;

  public TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  public int port() {
    return port;
  }

  /** Listens on the first start's port (any free port the first time). */
  public Future<Void> start() {
    server = vertx.createNetServer().connectHandler(this::accept);
    return server.listen(port).map(listening -> {
      port = listening.actualPort();
      return null;
    });
  }

  /** Stops listening and cuts every open connection. */
  public Future<Void> stop() {
    Future<Void> closed = server.close();
    sockets.forEach(NetSocket::close);
    sockets.clear();
    return closed;
  }

  /** From now on new connections are accepted and never answered. */
  public void blackHole() {
    answering = false;
  }

  public void answer() {
    answering = true;
  }

  /** From now on Redis's replies are kept back, in order, until {@link #releaseReplies()}. */
  public synchronized void holdReplies() {
    holding = true;
  }

  /** Sends the replies kept back and lets the next ones through. */
  public synchronized void releaseReplies() {
    holding = false;
    heldReplies.forEach(Runnable::run);
    heldReplies.clear();
  }

  private synchronized void reply(NetSocket inbound, Buffer data) {
    if (holding) {
      heldReplies.add(() -> inbound.write(data));
    } else {
      inbound.write(data);
    }
  }

  private void accept(NetSocket inbound) {
    track(inbound);
    if (!answering) {
      inbound.handler(ignored -> { });
      return;
    }
    inbound.pause();
    client.connect(targetPort, targetHost)
        .onSuccess(outbound -> {
          sockets.add(outbound);
          inbound.handler(outbound::write);
          outbound.handler(data -> reply(inbound, data));
          inbound.closeHandler(v -> closeBoth(inbound, outbound));
          outbound.closeHandler(v -> closeBoth(inbound, outbound));
          inbound.resume();
        })
        .onFailure(err -> inbound.close());
  }

  private void closeBoth(NetSocket inbound, NetSocket outbound) {
    sockets.remove(inbound);
    sockets.remove(outbound);
    inbound.close();
    outbound.close();
  }

  private void track(NetSocket socket) {
    sockets.add(socket);
    socket.closeHandler(v -> sockets.remove(socket));
  }
}
