package io.aegntic.studio.jobs.automation;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Test support for serving's AutomationIT: runs stream-jobs' real {@link AutomationTopology} (with
 * its production settings, exactly-once) and its state endpoint inside the test JVM. Lives in the
 * topology's package to reach its package-private configuration; it changes nothing of it.
 */
public final class InProcessTopology implements AutoCloseable {
  private final KafkaStreams streams;
  private final StateEndpoint endpoint;

  private InProcessTopology(KafkaStreams streams, StateEndpoint endpoint) {
    this.streams = streams;
    this.endpoint = endpoint;
  }

  /** Starts the topology under its own application id and state directory. */
  public static InProcessTopology start(String bootstrap, String applicationId, Path stateDir)
      throws java.io.IOException {
    Properties p = new AutomationConfig(bootstrap, stateDir, 0).streamsProperties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
    KafkaStreams streams = new KafkaStreams(AutomationTopology.build(), p);
    StateEndpoint endpoint = AutomationApp.endpoint(streams, new InetSocketAddress("127.0.0.1", 0));
    endpoint.start();
    streams.start();
    return new InProcessTopology(streams, endpoint);
  }

  public boolean running() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** The state endpoint's base URL. */
  public String url() {
    return "http://127.0.0.1:" + endpoint.port();
  }

  @Override
  public void close() {
    endpoint.close();
    streams.close(Duration.ofSeconds(30));
  }
}
