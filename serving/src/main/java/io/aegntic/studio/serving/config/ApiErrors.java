package io.aegntic.studio.serving.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns failures into the one JSON error shape every endpoint uses: {@code {"error": code,
 * "reason": text, "fields": {name: message}}} (fields only for validation failures).
 */
@RestControllerAdvice
class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    ResponseEntity<Map<String, Object>> response = body(e.status(), e.code(), e.getMessage(), null);
    if (e.retryAfterSeconds() > 0) {
      return ResponseEntity.status(e.status())
          .header("Retry-After", Long.toString(e.retryAfterSeconds()))
          .body(response.getBody());
    }
    return response;
  }

  @ExceptionHandler(InvalidFields.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidFields e) {
    return body(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), e.fields());
  }

  @ExceptionHandler(WebExchangeBindException.class)
  ResponseEntity<Map<String, Object>> validation(WebExchangeBindException e) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getFieldErrors()
        .forEach(f -> fields.putIfAbsent(f.getField(), String.valueOf(f.getDefaultMessage())));
    e.getGlobalErrors()
        .forEach(g -> fields.putIfAbsent(g.getObjectName(), String.valueOf(g.getDefaultMessage())));
    return body(HttpStatus.BAD_REQUEST, "validation_failed", "request has invalid fields", fields);
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<Map<String, Object>> input(ServerWebInputException e) {
    String reason = e.getReason() == null ? "malformed request" : e.getReason();
    Throwable cause = e.getMostSpecificCause();
    if (cause != null && cause != e && cause.getMessage() != null) {
      String detail = cause.getMessage();
      int newline = detail.indexOf('\n');
      reason = reason + ": " + (newline > 0 ? detail.substring(0, newline) : detail);
    }
    return body(HttpStatus.BAD_REQUEST, "bad_request", reason, null);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
    status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    String reason = e.getReason() == null ? status.getReasonPhrase() : e.getReason();
    return body(status, status.name().toLowerCase(), reason, null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    log.error("request failed", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal error", null);
  }

  static ResponseEntity<Map<String, Object>> body(
      HttpStatus status, String code, String reason, Map<String, String> fields) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("error", code);
    json.put("reason", reason);
    if (fields != null) {
      json.put("fields", fields);
    }
    return ResponseEntity.status(status).body(json);
  }
}
