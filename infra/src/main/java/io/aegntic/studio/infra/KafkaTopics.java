package io.aegntic.studio.infra;

import io.aegntic.studio.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates every topic of the event catalogue ({@link Topics#all()}) that a broker lacks. */
public final class KafkaTopics {

  private KafkaTopics() {}

  /**
   * Creates the missing catalogue topics on the broker at {@code bootstrap}; existing ones stay.
   */
  public static void createAll(String bootstrap) {
    try (Admin admin = Admin.create(adminConfig(bootstrap))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Spec spec : Topics.all()) {
        if (!existing.contains(spec.name())) {
          missing.add(newTopic(spec));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new StackException("Could not create the Kafka topics on " + bootstrap + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while creating Kafka topics", e);
    }
  }

  static NewTopic newTopic(Topics.Spec spec) {
    Map<String, String> configs =
        spec.compacted()
            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
            : Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(retentionMs(spec.retention())));
    return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(configs);
  }

  /** Admin client settings with short timeouts, for the stack's own checks. */
  public static Properties adminConfig(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 200);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    return props;
  }

  private static long retentionMs(Duration retention) {
    return retention.isZero() || retention.isNegative() ? -1L : retention.toMillis();
  }
}
