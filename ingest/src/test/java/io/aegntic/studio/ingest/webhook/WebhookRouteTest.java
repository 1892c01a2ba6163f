package io.aegntic.studio.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which requests the Reactor Netty route takes: a POST with a declared length to one plain segment
 * under {@code /webhooks/}; everything else goes on to Spring.
 */
class WebhookRouteTest {

  @Test
  void takesOnlyAPostWithALengthToOnePlainSegmentUnderWebhooks() {
    assertThat(platform("/webhooks/meta")).isEqualTo("meta");
    assertThat(platform("/webhooks/meta?x=1")).isEqualTo("meta");
    assertThat(platform("/webhooks/anything-else")).isEqualTo("anything-else");
    assertThat(platform("/webhooks/")).isNull();
    assertThat(platform("/webhooks/?x=1")).isNull();
    assertThat(platform("/webhooks")).isNull();
    assertThat(platform("/webhooks/meta/extra")).isNull();
    assertThat(platform("/webhooks/me%74a")).isNull();
    assertThat(platform("/webhooks/meta;v=1")).isNull();
    assertThat(platform("/actuator/health")).isNull();
    assertThat(platform("http://localhost/webhooks/meta")).isNull();
  }

  @Test
  void leavesOtherMethodsAndChunkedBodiesToSpring() {
    assertThat(WebhookRoute.platformOf(false, "/webhooks/meta", true)).isNull();
    assertThat(WebhookRoute.platformOf(true, "/webhooks/meta", false)).isNull();
  }

  private static String platform(String uri) {
    return WebhookRoute.platformOf(true, uri, true);
  }
}
