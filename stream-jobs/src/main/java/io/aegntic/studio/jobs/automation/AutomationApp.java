package io.aegntic.studio.jobs.automation;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link AutomationTopology} with exactly-once processing and its state endpoint, until
 * the process is stopped. Started by {@code ./studio up}; configured by environment variables.
 */
public final class AutomationApp {
  private static final Logger LOG = LoggerFactory.getLogger(AutomationApp.class);

  private AutomationApp() {}

  public static void main(String[] args) throws Exception {
    AutomationConfig config = AutomationConfig.fromEnv(System.getenv());
    KafkaStreams streams = new KafkaStreams(AutomationTopology.build(), config.streamsProperties());
    StateEndpoint endpoint = endpoint(streams, new InetSocketAddress("127.0.0.1", config.port()));
    CountDownLatch stopped = new CountDownLatch(1);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("automation topology failed; replacing the stream thread", e);
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  endpoint.close();
                  streams.close(java.time.Duration.ofSeconds(30));
                  stopped.countDown();
                },
                "automation-shutdown"));
    endpoint.start();
    streams.start();
    LOG.info(
        "automation topology started (bootstrap {}, state {}, endpoint :{})",
        config.bootstrap(),
        config.stateDir(),
        endpoint.port());
    stopped.await();
  }

  /** The state endpoint over a running {@link KafkaStreams}'s stores. */
  static StateEndpoint endpoint(KafkaStreams streams, InetSocketAddress address)
      throws java.io.IOException {
    RuleStateQuery query =
        new RuleStateQuery(
            () ->
                streams.store(
                    StoreQueryParameters.fromNameAndType(
                        AutomationTopology.RULES_STORE,
                        QueryableStoreTypes.<String, byte[]>keyValueStore())),
            () ->
                streams.store(
                    StoreQueryParameters.fromNameAndType(
                        AutomationTopology.STATE_STORE,
                        QueryableStoreTypes.<String, RuleState>keyValueStore())));
    return new StateEndpoint(address, query, () -> streams.state() == KafkaStreams.State.RUNNING);
  }
}
