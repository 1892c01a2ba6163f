package io.aegntic.studio.serving.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.Platform;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible provider against a local server speaking the chat-completions format. */
class OpenAiDrafterTest extends HostedProviderTestBase {
  static final String KEY = "sk-test-7f3a9c0e1d2b4a6f8e0c";
  static final String REPLY =
      "BODY:\nOur new video is flying, thank you!\nHASHTAGS: #creator #video";

  OpenAiDrafterTest() {
    super("openai", "/v1", KEY, "gpt-4o-mini", 2);
  }

  static DraftRequest request() {
    return new DraftRequest(
        DraftType.POST, "our new video", Platform.X, "excited", List.of("launch"), null);
  }

  @Test
  void sendsAChatCompletionsRequestAndParsesTheReply() throws Exception {
    server.reply(200, FakeModelServer.openAiReply(REPLY, 120, 40));

    Draft draft = generator("5s").generate(request()).block();

    FakeModelServer.Request sent = server.requests.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.headers()).containsEntry("authorization", "Bearer " + KEY);
    assertThat(sent.headers().get("content-type")).startsWith("application/json");
    JsonNode body = EventJson.mapper().readTree(sent.body());
    assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.get("max_tokens").asInt()).isEqualTo(800);
    assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
    assertThat(body.get("messages").get(1).get("role").asText()).isEqualTo("user");
    assertThat(body.get("messages").get(1).get("content").asText())
        .contains("our new video", "x", "excited", "launch", "280");

    assertThat(draft.succeeded()).isTrue();
    assertThat(draft.template()).isFalse();
    assertThat(draft.body()).isEqualTo("Our new video is flying, thank you!");
    assertThat(draft.hashtags()).containsExactly("#creator", "#video");
    GenerationRecord record = draft.generation();
    assertThat(record.provider()).isEqualTo("openai");
    assertThat(record.model()).isEqualTo("gpt-4o-mini");
    assertThat(record.attempts()).isEqualTo(1);
    assertThat(record.inputTokens()).isEqualTo(120);
    assertThat(record.outputTokens()).isEqualTo(40);
    // 120 * 0.15 + 40 * 0.60 per million
    assertThat(record.estimatedCostUsd()).isEqualByComparingTo(new BigDecimal("0.000042"));
  }

  @Test
  void aServerErrorIsRetriedAndThenSucceeds() {
    server
        .reply(500, FakeModelServer.openAiError("boom", "server_error"))
        .reply(200, FakeModelServer.openAiReply(REPLY, 1, 1));
    Draft draft = generator("5s").generate(request()).block();
    assertThat(draft.succeeded()).isTrue();
    assertThat(draft.generation().attempts()).isEqualTo(2);
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void persistentServerErrorsFailAfterTheRetriesWithTheReason() {
    server.reply(500, FakeModelServer.openAiError("boom", "server_error"));
    Draft draft = generator("5s").generate(request()).block();
    assertThat(draft.succeeded()).isFalse();
    assertThat(draft.body()).isEmpty();
    assertThat(draft.generation().errorReason()).isEqualTo("provider error (HTTP 500)");
    assertThat(draft.generation().attempts()).isEqualTo(3);
    assertThat(server.requests).hasSize(3);
  }

  @Test
  void aRateLimitIsRetried() {
    server
        .reply(429, FakeModelServer.openAiError("slow down", "rate_limit_exceeded"))
        .reply(200, FakeModelServer.openAiReply(REPLY, 1, 1));
    Draft draft = generator("5s").generate(request()).block();
    assertThat(draft.succeeded()).isTrue();
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void anAuthenticationErrorIsNotRetriedAndTheEchoedKeyIsNotLogged() {
    server.reply(401, FakeModelServer.openAiError("Incorrect API key provided: " + KEY, "auth"));
    Draft draft = generator("5s").generate(request()).block();
    assertThat(draft.succeeded()).isFalse();
    assertThat(draft.generation().errorReason()).isEqualTo("authentication failed (HTTP 401)");
    assertThat(draft.generation().errorReason()).doesNotContain(KEY);
    assertThat(server.requests).hasSize(1);
    assertThat(logs.text()).contains("draft failed after 1 attempt(s): authentication failed");
  }

  @Test
  void aTimeoutFailsAfterTheRetriesWithTheReason() {
    server.reply(200, FakeModelServer.openAiReply(REPLY, 1, 1), 3_000);
    Draft draft = generator("300ms").generate(request()).block();
    assertThat(draft.succeeded()).isFalse();
    assertThat(draft.generation().errorReason()).isEqualTo("timed out");
    assertThat(draft.generation().attempts()).isEqualTo(3);
  }

  @Test
  void aLongReplyIsCutToThePlatformLimit() {
    String longBody = "BODY:\n" + "word ".repeat(200) + "\nHASHTAGS: #a #b #c #d #e";
    server.reply(200, FakeModelServer.openAiReply(longBody, 1, 1));
    Draft draft = generator("5s").generate(request()).block();
    assertThat(draft.text().codePointCount(0, draft.text().length())).isLessThanOrEqualTo(280);
    assertThat(draft.hashtags()).containsExactly("#a", "#b", "#c");
    assertThat(draft.trimmed()).anyMatch(n -> n.startsWith("body: trimmed"));
  }
}
