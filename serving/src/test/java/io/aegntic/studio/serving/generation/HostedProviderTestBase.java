package io.aegntic.studio.serving.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A hosted provider (key, model, retry policy) against a local {@link FakeModelServer}; after each
 * test the captured logs must not contain the key.
 */
abstract class HostedProviderTestBase {
  private final String provider;
  private final String path;
  private final String key;
  private final String model;
  private final int maxRetries;

  FakeModelServer server;
  LogCapture logs;

  HostedProviderTestBase(String provider, String path, String key, String model, int maxRetries) {
    this.provider = provider;
    this.path = path;
    this.key = key;
    this.model = model;
    this.maxRetries = maxRetries;
  }

  @BeforeEach
  void start() throws Exception {
    server = new FakeModelServer();
    logs = new LogCapture();
  }

  @AfterEach
  void stop() {
    logs.close();
    server.close();
    assertThat(logs.text()).doesNotContain(key);
  }

  DraftGenerator generator(String timeout) {
    Map<String, String> props = new HashMap<>();
    props.put("studio.generation.provider", provider);
    props.put("studio.generation.base-url", server.url(path));
    props.put("studio.generation.api-key", key);
    props.put("studio.generation.model", model);
    props.put("studio.generation.timeout", timeout);
    props.put("studio.generation.max-retries", Integer.toString(maxRetries));
    props.put("studio.generation.retry-backoff", "10ms");
    return DraftGenerators.create(GenerationSettings.from(props::get));
  }
}
