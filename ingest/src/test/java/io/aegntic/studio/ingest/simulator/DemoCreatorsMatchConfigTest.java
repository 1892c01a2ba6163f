package io.aegntic.studio.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.DemoCreators;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Ingest's default account map is exactly the simulator's demo creators. */
class DemoCreatorsMatchConfigTest {

  @Test
  void applicationPropertiesMapEveryDemoAccountToItsCreator() throws IOException {
    Properties props = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
      props.load(in);
    }
    String prefix = "studio.ingest.accounts.";
    Map<String, Map<String, String>> configured = new HashMap<>();
    for (String key : props.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        String rest = key.substring(prefix.length());
        int split = rest.indexOf('[') > 0 ? rest.indexOf('[') : rest.indexOf('.');
        String platform = rest.substring(0, split);
        String account = rest.substring(split + 1).replace("]", "");
        configured
            .computeIfAbsent(platform, p -> new HashMap<>())
            .put(account, props.getProperty(key));
      }
    }
    assertThat(configured).isEqualTo(TestSetup.accounts(DemoCreators.ALL));
  }
}
