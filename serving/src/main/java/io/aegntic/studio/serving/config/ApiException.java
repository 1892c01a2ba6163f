package io.aegntic.studio.serving.config;

import org.springframework.http.HttpStatus;

/** A failure with an HTTP status, a stable machine-readable code and a human-readable reason. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final long retryAfterSeconds;

  public ApiException(HttpStatus status, String code, String reason) {
    this(status, code, reason, 0);
  }

  public ApiException(HttpStatus status, String code, String reason, long retryAfterSeconds) {
    super(reason);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
  }

  public static ApiException badRequest(String code, String reason) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, reason);
  }

  public static ApiException unauthorized(String code, String reason) {
    return new ApiException(HttpStatus.UNAUTHORIZED, code, reason);
  }

  public HttpStatus status() {
    return status;
  }

  /** Seconds for a Retry-After header, or 0 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public String code() {
    return code;
  }
}
