package org.aigateway.bench;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The canned payloads of the load benchmark (bench/conf), shared by the micro-benchmarks. */
public final class Fixtures {

  private Fixtures() {
  }

  public static Buffer resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code whole} cut into pieces of at most {@code size} bytes, as a socket read delivers them. */
  public static Buffer[] cut(Buffer whole, int size) {
    int count = (whole.length() + size - 1) / size;
    Buffer[] pieces = new Buffer[count];
    for (int i = 0; i < count; i++) {
      pieces[i] = whole.getBuffer(i * size, Math.min(whole.length(), (i + 1) * size));
    }
    return pieces;
  }
}
