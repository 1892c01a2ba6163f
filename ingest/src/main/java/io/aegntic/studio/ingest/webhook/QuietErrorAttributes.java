package io.aegntic.studio.ingest.webhook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Errors outside the webhook handler (unknown path, wrong method) get the same {@code
 * {"error","message"}} shape, without the request path Boot would otherwise echo.
 */
@Component
class QuietErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(
      ServerRequest request, ErrorAttributeOptions options) {
    Map<String, Object> defaults =
        super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
    int status = defaults.get("status") instanceof Integer i ? i : 500;
    HttpStatus known = HttpStatus.resolve(status);
    String reason = known == null ? "error" : known.getReasonPhrase();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", reason.toLowerCase(Locale.ROOT).replace(' ', '_'));
    out.put("message", reason);
    out.put("status", status);
    return out;
  }
}
