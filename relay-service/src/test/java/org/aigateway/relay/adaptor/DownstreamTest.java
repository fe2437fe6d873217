package org.aigateway.relay.adaptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DownstreamTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("A client that left before the relay took its response (during admission, say) runs the gone action "
      + "at once: its upstream call is cancelled, not made for nobody")
  void clientGoneBeforeTheDownstreamExisted() {
    Promise<HttpServerResponse> arrived = Promise.promise();
    HttpServer server = Await.result(vertx.createHttpServer()
        .requestHandler(request -> arrived.tryComplete(request.response())).listen(0, "127.0.0.1"));
    HttpClient client = vertx.createHttpClient();
    Await.result(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(server.actualPort()).setURI("/"))
        .compose(HttpClientRequest::end));
    HttpServerResponse response = Await.result(arrived.future());
    Await.result(client.close());
    Await.until(response::closed, 10, "the server to see the client leave");

    AtomicBoolean ran = new AtomicBoolean();
    Downstream downstream = new Downstream(response, System.nanoTime());
    downstream.onGone(() -> ran.set(true));

    assertThat(downstream.gone()).isTrue();
    assertThat(ran).isTrue();
  }
}
