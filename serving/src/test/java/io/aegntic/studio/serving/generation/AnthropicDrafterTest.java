package io.aegntic.studio.serving.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Anthropic provider against a local server speaking the messages format. */
class AnthropicDrafterTest extends HostedProviderTestBase {
  static final String KEY = "sk-ant-test-19be77c2a40d";
  static final String REPLY =
      "TITLE: Why this video took off\nBODY:\nThank you all.\nHASHTAGS: #thanks";

  AnthropicDrafterTest() {
    super("anthropic", "/v1/", KEY, "claude-3-5-haiku-latest", 1);
  }

  static DraftRequest request() {
    return new DraftRequest(
        DraftType.VIDEO, "behind the scenes", Platform.YOUTUBE, "grateful", List.of(), null);
  }

  @Test
  void sendsAMessagesRequestAndParsesTheReply() throws Exception {
    server.reply(200, FakeModelServer.anthropicReply(REPLY, 200, 50));

    Draft draft = generator("5s").generate(request()).block();

    FakeModelServer.Request sent = server.requests.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.headers()).containsEntry("x-api-key", KEY);
    assertThat(sent.headers()).containsEntry("anthropic-version", "2023-06-01");
    assertThat(sent.headers()).doesNotContainKey("authorization");
    JsonNode body = EventJson.mapper().readTree(sent.body());
    assertThat(body.get("model").asText()).isEqualTo("claude-3-5-haiku-latest");
    assertThat(body.get("max_tokens").asInt()).isEqualTo(800);
    assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
    assertThat(body.get("system").toString()).contains("social media drafts");
    assertThat(body.get("messages").get(0).toString()).contains("behind the scenes", "youtube");

    assertThat(draft.succeeded()).isTrue();
    assertThat(draft.title()).isEqualTo("Why this video took off");
    assertThat(draft.body()).isEqualTo("Thank you all.");
    assertThat(draft.hashtags()).containsExactly("#thanks");
    assertThat(draft.generation().provider()).isEqualTo("anthropic");
    assertThat(draft.generation().inputTokens()).isEqualTo(200);
    assertThat(draft.generation().outputTokens()).isEqualTo(50);
    assertThat(draft.generation().estimatedCostUsd()).isNotNull();
  }

  @Test
  void anOverloadedServerIsRetriedOnceThenFails() {
    server.reply(529, FakeModelServer.anthropicError("Overloaded", "overloaded_error"));
    Draft draft = generator("5s").generate(request()).block();
    assertThat(draft.succeeded()).isFalse();
    assertThat(draft.generation().errorReason()).isEqualTo("provider error (HTTP 529)");
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void aRateLimitIsRetried() {
    server
        .reply(429, FakeModelServer.anthropicError("rate limited", "rate_limit_error"))
        .reply(200, FakeModelServer.anthropicReply(REPLY, 1, 1));
    Draft draft = generator("5s").generate(request()).block();
    assertThat(draft.succeeded()).isTrue();
    assertThat(draft.generation().attempts()).isEqualTo(2);
  }

  @Test
  void anAuthenticationErrorIsNotRetried() {
    server.reply(401, FakeModelServer.anthropicError("invalid x-api-key " + KEY, "auth"));
    Draft draft = generator("5s").generate(request()).block();
    assertThat(draft.succeeded()).isFalse();
    assertThat(draft.generation().errorReason()).isEqualTo("authentication failed (HTTP 401)");
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void aTimeoutFailsWithTheReasonAfterTheRetry() {
    server.reply(200, FakeModelServer.anthropicReply(REPLY, 1, 1), 3_000);
    Draft draft = generator("300ms").generate(request()).block();
    assertThat(draft.succeeded()).isFalse();
    assertThat(draft.generation().errorReason()).isEqualTo("timed out");
    assertThat(draft.generation().attempts()).isEqualTo(2);
  }
}
