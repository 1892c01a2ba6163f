package io.aegntic.studio.serving.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aegntic.studio.events.Platform;
import io.aegntic.studio.serving.config.ApiException;
import io.aegntic.studio.serving.generation.DraftType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateRequestTest {

  private static GenerateController.GenerateRequest req(
      String type, String topic, String platform) {
    return new GenerateController.GenerateRequest(type, topic, platform, null, List.of("a", " "));
  }

  @Test
  void aValidRequestKeepsItsFieldsAndDefaults() {
    var r = GenerateController.request(req(null, "launch day", "linkedin"));
    assertThat(r.platform()).isEqualTo(Platform.LINKEDIN);
    assertThat(r.type()).isEqualTo(DraftType.POST);
    assertThat(r.tone()).isEqualTo("friendly");
    assertThat(r.keywords()).containsExactly("a");
  }

  @Test
  void badInputNamesTheProblem() {
    assertThatThrownBy(() -> GenerateController.request(req(null, "t", "myspace")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("unknown platform");
    assertThatThrownBy(() -> GenerateController.request(req(null, "t", "stripe")))
        .hasMessageContaining("no drafts for platform");
    assertThatThrownBy(() -> GenerateController.request(req("poem", "t", "x")))
        .hasMessageContaining("unknown draft type");
    assertThatThrownBy(() -> GenerateController.request(req(null, " ", "x")))
        .hasMessageContaining("topic is required");
    assertThatThrownBy(() -> GenerateController.request(req(null, "t", null)))
        .hasMessageContaining("platform is required");
  }
}
