package io.aegntic.studio.jobs.automation;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The topology's configuration from the studio's environment variables: STUDIO_KAFKA_BOOTSTRAP,
 * STUDIO_DATA_DIR (state under {@code automation/state}), STUDIO_AUTOMATION_PORT.
 */
record AutomationConfig(String bootstrap, Path stateDir, int port) {
  static final String APPLICATION_ID = "studio-automation";

  static AutomationConfig fromEnv(Map<String, String> env) {
    String bootstrap = env.getOrDefault("STUDIO_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    String home = env.getOrDefault("STUDIO_HOME", ".");
    Path data = Path.of(env.getOrDefault("STUDIO_DATA_DIR", home + "/.studio"));
    String port = env.getOrDefault("STUDIO_AUTOMATION_PORT", "8083");
    try {
      return new AutomationConfig(
          bootstrap, data.resolve("automation/state"), Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("STUDIO_AUTOMATION_PORT is not a port number: " + port);
    }
  }

  Properties streamsProperties() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port);
    // A stopped instance does not leave its group (Streams keeps members for a quick return), so
    // a restart waits for the session to expire: keep that short for local restarts.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    return p;
  }
}
