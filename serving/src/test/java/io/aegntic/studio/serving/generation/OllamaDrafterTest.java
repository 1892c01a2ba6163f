package io.aegntic.studio.serving.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Ollama provider against a local server speaking Ollama's /api/chat format. */
class OllamaDrafterTest {

  @Test
  void sendsAChatRequestWithoutAKeyAndParsesTheReply() throws Exception {
    try (FakeModelServer server = new FakeModelServer()) {
      server.reply(
          200,
          """
          {"model":"llama3.2","created_at":"2026-01-01T00:00:00Z",
           "message":{"role":"assistant","content":"BODY:\\nHello LinkedIn.\\nHASHTAGS: #work"},
           "done":true,"done_reason":"stop","prompt_eval_count":30,"eval_count":12}
          """);
      Map<String, String> props =
          Map.of(
              "studio.generation.provider", "ollama",
              "studio.generation.base-url", server.url(""),
              "studio.generation.model", "llama3.2");
      Draft draft =
          DraftGenerators.create(GenerationSettings.from(props::get))
              .generate(
                  new DraftRequest(
                      DraftType.POST, "hiring", Platform.LINKEDIN, null, List.of(), null))
              .block();

      FakeModelServer.Request sent = server.requests.get(0);
      assertThat(sent.path()).isEqualTo("/api/chat");
      assertThat(sent.headers()).doesNotContainKey("authorization");
      JsonNode body = EventJson.mapper().readTree(sent.body());
      assertThat(body.get("model").asText()).isEqualTo("llama3.2");
      assertThat(body.get("messages")).hasSize(2);

      assertThat(draft.succeeded()).isTrue();
      assertThat(draft.body()).isEqualTo("Hello LinkedIn.");
      assertThat(draft.hashtags()).containsExactly("#work");
      assertThat(draft.generation().provider()).isEqualTo("ollama");
      assertThat(draft.generation().inputTokens()).isEqualTo(30);
      assertThat(draft.generation().estimatedCostUsd()).isNull(); // no price for a local model
    }
  }
}
