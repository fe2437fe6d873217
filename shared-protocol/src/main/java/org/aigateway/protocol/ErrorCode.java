package org.aigateway.protocol;

/** Failure codes used with {@code Message#fail(int, String)}; the numbers are part of the wire contract. */
public enum ErrorCode {
  /** The body could not be decoded or failed validation. */
  BAD_REQUEST(400),
  /** The requested item does not exist. */
  NOT_FOUND(404),
  /** The consumer could not do the work now (database down, schema missing); the sender may retry. */
  UNAVAILABLE(503),
  /** An unexpected failure in the consumer. */
  INTERNAL(500);

  private final int code;

  ErrorCode(int code) {
    this.code = code;
  }

  /** The integer sent on the bus. */
  public int code() {
    return code;
  }
}
