package io.aegntic.studio.serving.automation;

import io.aegntic.studio.serving.config.ApiException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Reads a rule's state from the automation topology's state endpoint ({@code
 * studio.automation.url}: {@code STUDIO_AUTOMATION_URL}, else {@code STUDIO_AUTOMATION_PORT} on
 * 127.0.0.1). The topology unreachable, restoring or rebalancing is a 503 with the reason; a rule
 * it has not seen yet is a 404 {@code state_unknown}.
 */
@Component
class RuleStateClient {
  private volatile WebClient client;

  RuleStateClient(@Value("${studio.automation.url:http://127.0.0.1:8083}") String baseUrl) {
    pointAt(baseUrl);
  }

  /** Where the state endpoint is; tests point this at a topology they run themselves. */
  void pointAt(String baseUrl) {
    this.client = WebClient.builder().baseUrl(baseUrl).build();
  }

  Mono<String> ruleState(String ruleId) {
    return client
        .get()
        .uri("/rules/{id}/state", ruleId)
        .retrieve()
        .bodyToMono(String.class)
        .timeout(Duration.ofSeconds(5))
        .onErrorMap(RuleStateClient::translate);
  }

  private static Throwable translate(Throwable e) {
    if (e instanceof WebClientResponseException r && r.getStatusCode().value() == 404) {
      return new ApiException(
          HttpStatus.NOT_FOUND,
          "state_unknown",
          "the automation topology has no state for this rule yet");
    }
    String reason =
        e instanceof WebClientResponseException r
            ? "automation topology answered HTTP "
                + r.getStatusCode().value()
                + " (restoring or rebalancing)"
            : e instanceof java.util.concurrent.TimeoutException
                ? "automation topology did not answer in time"
                : "automation topology unreachable";
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "automation_unavailable", reason, 5);
  }
}
