package org.aigateway.relay.quota;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.aigateway.protocol.model.Token;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.error.AdmissionErrors;

/**
 * Runs after authentication on every relay route: resolves the client's address (stored under
 * {@link ClientAddress#KEY}), refuses a key used outside its subnets (403, on every route, as the
 * original checks it with the key) and, while {@code DISABLE_SERVE} is set, refuses every relay
 * request with 503, internal callers included (maintenance means nobody is relayed); listing models
 * and the billing dashboard keep working.
 */
public final class AccessGate {

  private final ClientAddress addresses;
  private final boolean disableServe;

  public AccessGate(ClientAddress addresses, boolean disableServe) {
    this.addresses = addresses;
    this.disableServe = disableServe;
  }

  public void handle(RoutingContext ctx) {
    String ip = addresses.resolve(ctx.request());
    ctx.put(ClientAddress.KEY, ip);
    Caller caller = ctx.get(Caller.KEY);
    if (caller != null && !caller.internal() && !allowed(caller.token(), ip)) {
      ctx.fail(AdmissionErrors.addressNotAllowed(ip));
      return;
    }
    if (disableServe && !informational(ctx)) {
      ctx.fail(AdmissionErrors.maintenance());
      return;
    }
    ctx.next();
  }

  /** Whether {@code ip} is in one of the token's subnets; a token without subnets may be used anywhere. */
  static boolean allowed(Token token, String ip) {
    List<String> subnets = token.subnets();
    if (subnets.isEmpty()) {
      return true;
    }
    byte[] address = Cidr.address(ip);
    for (String subnet : subnets) {
      if (Cidr.parse(subnet).map(cidr -> cidr.contains(address)).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** Model listing (OpenAI's and Gemini's) and the billing dashboard, which maintenance leaves alone. */
  private static boolean informational(RoutingContext ctx) {
    String path = ctx.request().path();
    return ctx.request().method() == HttpMethod.GET && (path.startsWith("/v1/dashboard/")
        || listing(path, "/v1/models") || listing(path, "/v1beta/models"));
  }

  private static boolean listing(String path, String models) {
    return path.equals(models) || path.startsWith(models + "/");
  }
}
