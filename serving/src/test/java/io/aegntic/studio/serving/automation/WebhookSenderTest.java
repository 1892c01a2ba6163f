package io.aegntic.studio.serving.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {
  private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  private static WebhookSender sender(boolean allowPrivate) {
    return new WebhookSender(3, Duration.ofMillis(10), Duration.ofSeconds(5), allowPrivate);
  }

  @Test
  void privateAndLocalAddressesAreRecognised() throws Exception {
    for (String ip :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "0.0.0.0",
          "100.64.0.1",
          "224.0.0.1",
          "::1",
          "fd00::1",
          "fe80::1"
        }) {
      assertThat(PublicAddressResolver.isPrivate(InetAddress.getByName(ip))).as(ip).isTrue();
    }
    for (String ip : new String[] {"93.184.216.34", "8.8.8.8", "100.128.0.1", "2606:4700::1"}) {
      assertThat(PublicAddressResolver.isPrivate(InetAddress.getByName(ip))).as(ip).isFalse();
    }
  }

  @Test
  void aTargetOnTheLocalNetworkIsRefusedWithoutARequestOrRetry() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(204)) {
      String byName = receiver.url().replace("127.0.0.1", "localhost");
      for (String url : new String[] {receiver.url(), byName}) {
        WebhookSender.Delivery d = sender(false).send(url, "s3cret", "t1", BODY).block();
        assertThat(d.delivered()).as(url).isFalse();
        assertThat(d.attempts()).as(url).isLessThanOrEqualTo(1);
        assertThat(d.error()).contains("private or local network");
      }
      assertThat(receiver.received).isEmpty();
    }
  }

  @Test
  void allowingPrivateNetworksDeliversSigned() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(204)) {
      WebhookSender.Delivery d = sender(true).send(receiver.url(), "s3cret", "t1", BODY).block();
      assertThat(d.delivered()).isTrue();
      assertThat(receiver.received).hasSize(1);
      assertThat(receiver.received.get(0).triggerId()).isEqualTo("t1");
      assertThat(receiver.received.get(0).signature()).startsWith("t=");
    }
  }
}
