package io.aegntic.studio.ingest.webhook;

/**
 * A rejected webhook request: the HTTP status and a stable reason code for the error body and the
 * rejection metric. The message must never quote the request.
 */
public final class WebhookException extends RuntimeException {
  private final int status;
  private final String code;

  public WebhookException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static WebhookException unauthorized(String code, String message) {
    return new WebhookException(401, code, message);
  }

  public static WebhookException badRequest(String code, String message) {
    return new WebhookException(400, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
