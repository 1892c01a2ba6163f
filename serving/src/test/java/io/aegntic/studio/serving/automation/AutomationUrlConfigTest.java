package io.aegntic.studio.serving.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Where serving's application.yaml points the automation state client, per launcher variable. */
class AutomationUrlConfigTest {

  private static String automationUrl(Map<String, Object> variables) throws IOException {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    env.getPropertySources().addFirst(new MapPropertySource("launcher", variables));
    new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yaml"))
        .forEach(env.getPropertySources()::addLast);
    return env.getProperty("studio.automation.url");
  }

  @Test
  void followsTheAutomationPortWhenNoUrlIsGiven() throws IOException {
    assertThat(automationUrl(Map.of("STUDIO_AUTOMATION_PORT", "39183")))
        .isEqualTo("http://127.0.0.1:39183");
  }

  @Test
  void anExplicitUrlWinsOverThePort() throws IOException {
    assertThat(
            automationUrl(
                Map.of(
                    "STUDIO_AUTOMATION_PORT", "39183",
                    "STUDIO_AUTOMATION_URL", "http://automation.internal:9000")))
        .isEqualTo("http://automation.internal:9000");
  }

  @Test
  void defaultsToPort8083() throws IOException {
    assertThat(automationUrl(Map.of())).isEqualTo("http://127.0.0.1:8083");
  }
}
