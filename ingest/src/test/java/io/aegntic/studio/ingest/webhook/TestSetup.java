package io.aegntic.studio.ingest.webhook;

import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.ingest.simulator.PlatformSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

/** Secrets, configuration and an independent HMAC for the tests. */
public final class TestSetup {
  private TestSetup() {}

  public static final WebhookProperties.Secrets SECRETS =
      new WebhookProperties.Secrets(
          "test-meta-secret",
          "test-verify-token",
          "test-x-secret",
          "test-youtube-secret",
          "whsec_test",
          "test-tiktok-secret",
          "test-linkedin-secret");

  public static final PlatformSecrets SIMULATOR_SECRETS =
      new PlatformSecrets(
          SECRETS.metaApp(),
          SECRETS.xConsumer(),
          SECRETS.youtube(),
          SECRETS.stripe(),
          SECRETS.tiktok(),
          SECRETS.linkedin());

  /** Spring tests load the same secrets with {@code @TestPropertySource(locations = ...)}. */
  public static final String SPRING_PROPERTIES = "classpath:ingest-test.properties";

  /** The account map of the given creators, as ingest's configuration would hold it. */
  public static Map<String, Map<String, String>> accounts(List<DemoCreators.Creator> creators) {
    Map<String, Map<String, String>> m = new HashMap<>();
    for (DemoCreators.Creator c : creators) {
      m.computeIfAbsent("instagram", k -> new HashMap<>()).put(c.instagram(), c.id());
      m.computeIfAbsent("facebook", k -> new HashMap<>()).put(c.facebookPage(), c.id());
      m.computeIfAbsent("x", k -> new HashMap<>()).put(c.x(), c.id());
      m.computeIfAbsent("youtube", k -> new HashMap<>()).put(c.youtubeChannel(), c.id());
      m.computeIfAbsent("stripe", k -> new HashMap<>()).put(c.stripeAccount(), c.id());
      m.computeIfAbsent("tiktok", k -> new HashMap<>()).put(c.tiktokOpenId(), c.id());
      m.computeIfAbsent("linkedin", k -> new HashMap<>()).put(c.linkedinOrg(), c.id());
    }
    return m;
  }

  /** The same map as Spring properties ({@code studio.ingest.accounts.<platform>[<id>]=...}). */
  public static String[] accountProperties(List<DemoCreators.Creator> creators) {
    return accounts(creators).entrySet().stream()
        .flatMap(
            p ->
                p.getValue().entrySet().stream()
                    .map(
                        a ->
                            "studio.ingest.accounts."
                                + p.getKey()
                                + "["
                                + a.getKey()
                                + "]="
                                + a.getValue()))
        .toArray(String[]::new);
  }

  public static WebhookProperties props() {
    return new WebhookProperties(
        SECRETS,
        accounts(DemoCreators.ALL),
        DataSize.ofMegabytes(1),
        Duration.ofSeconds(300),
        "test-salt",
        List.of());
  }

  public static WebhookContext context() {
    return new WebhookContext(accounts(DemoCreators.ALL), "test-salt");
  }

  public static HttpHeaders headers(String... nameValue) {
    HttpHeaders h = new HttpHeaders();
    for (int i = 0; i < nameValue.length; i += 2) {
      h.add(nameValue[i], nameValue[i + 1]);
    }
    return h;
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** HMAC computed with the JDK directly, independent of the code under test. */
  public static byte[] hmac(String algorithm, String key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(utf8(key), algorithm));
      return mac.doFinal(utf8(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }

  /** Asserts-friendly: runs the call and returns the WebhookException it threw, or null. */
  public static WebhookException rejection(Runnable call) {
    try {
      call.run();
      return null;
    } catch (WebhookException e) {
      return e;
    }
  }
}
