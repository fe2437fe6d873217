package org.aigateway.admin.http;

/**
 * A request the admin API refuses, with the HTTP status and the message the envelope carries.
 * Thrown from handlers (or used to fail their futures); {@link ApiFailureHandler} renders it.
 */
public final class ApiException extends RuntimeException {

  private final int status;

  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "unauthorized: a valid admin key is required");
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, message);
  }

  public int status() {
    return status;
  }
}
