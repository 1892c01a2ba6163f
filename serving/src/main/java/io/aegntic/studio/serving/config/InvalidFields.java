package io.aegntic.studio.serving.config;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A 400 naming the fields that failed a check Bean Validation cannot express. */
public class InvalidFields extends ApiException {
  private final Map<String, String> fields;

  public InvalidFields(Map<String, String> fields) {
    super(HttpStatus.BAD_REQUEST, "validation_failed", "request has invalid fields");
    this.fields = Map.copyOf(fields);
  }

  public static InvalidFields of(String field, String message) {
    return new InvalidFields(Map.of(field, message));
  }

  public Map<String, String> fields() {
    return fields;
  }
}
