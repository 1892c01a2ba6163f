package io.aegntic.studio.ingest.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventJson;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A platform API response: status, headers, body, and when the platform observed it. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body, Instant received) {

  public boolean ok() {
    return status / 100 == 2;
  }

  public boolean notModified() {
    return status == 304;
  }

  /** The body as JSON; an empty object when there is none or it is not JSON. */
  public JsonNode json() {
    if (body.length == 0) {
      return EventJson.mapper().createObjectNode();
    }
    try {
      return EventJson.mapper().readTree(body);
    } catch (IOException e) {
      return EventJson.mapper().createObjectNode();
    }
  }

  /**
   * The observation time of the counters: the response's {@code Date} header (the platform's clock,
   * second precision) when present, otherwise when we received it.
   */
  public Instant observedAt() {
    return headers
        .firstValue("date")
        .map(
            d -> {
              try {
                return ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
              } catch (DateTimeParseException e) {
                return received;
              }
            })
        .orElse(received);
  }

  public String etag() {
    return headers.firstValue("etag").orElse(null);
  }
}
