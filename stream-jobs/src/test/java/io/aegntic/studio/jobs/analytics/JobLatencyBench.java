package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import io.aegntic.studio.events.Topics;
import io.aegntic.studio.infra.StackEndpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Benchmark (not a test): the analytics job's own emission latency, live. With the job running
 * (exactly-once, checkpoints every 10 s; sentiment is another job's) and background events at a
 * fixed rate in the simulator's mix, 5 probes a second (a like on a content used nowhere else) are
 * produced; a probe's latency runs from the broker's ack of the event to the first update of that
 * content's engagement on {@link Topics#METRICS} read uncommitted (as serving reads it). Arguments:
 * background events/s (default 500), measured seconds (default 20).
 */
public final class JobLatencyBench {
  private JobLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    StackEndpoints stack = AnalyticsThroughputBench.endpoints();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = Topics.EVENTS + ".latency-" + run;
    StackIo.createTopic(stack, topic, 2);
    AnalyticsSettings settings =
        StackIo.settings(
            stack,
            "--group-id",
            "latency-" + run,
            "--transactional-id-prefix",
            "latency-" + run,
            "--checkpoint-dir",
            Files.createTempDirectory("latency").toUri().toString(),
            "--parallelism",
            "2");
    int restPort = AnalyticsThroughputBench.freePort();
    StreamExecutionEnvironment env = BenchJob.localEnvironment(restPort, 2);
    CreatorAnalyticsJob.configure(env, settings);
    CreatorAnalyticsJob.build(
        env,
        KafkaIo.eventSource(settings, topic, false),
        new InfluxMetricsSink(
            settings.influx(), settings.influxBatchSize(), settings.influxFlushEvery()),
        KafkaIo.metricsSink(settings),
        KafkaIo.deadLetterSink(settings),
        settings);
    JobClient job = env.executeAsync("latency");
    BenchClock.startWhenRunning(restPort, job.getJobID().toString(), Duration.ofMinutes(5));

    Map<String, Long> acked = new ConcurrentHashMap<>();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    Thread reader = new Thread(() -> read(stack, seen), "metrics-reader");
    reader.setDaemon(true);
    reader.start();
    Thread.sleep(2000); // the reader is at the end of the topic

    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    int warm = 5;
    long start = System.nanoTime();
    long total = (long) (warm + seconds) * rate;
    try (var producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < total; i++) {
        long due = start + i * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        Instant now = Instant.now();
        String creator = "latency-creator-" + (i % 40);
        StudioEvent e =
            AnalyticsThroughputBench.event(
                new TestEvents(creator, Platform.INSTAGRAM, now), creator, now, (int) i);
        send(producer, topic, creator, e, null, acked);
        boolean measured = i >= (long) warm * rate;
        if (i % Math.max(1, rate / 5) == 0) {
          String content = "probe-" + run + "-" + i;
          StudioEvent probe =
              new TestEvents("latency-probe-" + (i % 4), Platform.X, now).like(content, 0, 1);
          send(
              producer, topic, "latency-probe-" + (i % 4), probe, measured ? content : null, acked);
        }
      }
      producer.flush();
    }
    Thread.sleep(5000); // the last probes' updates
    List<Long> latencies = new ArrayList<>();
    acked.forEach(
        (content, at) -> {
          Long arrived = seen.get(content);
          if (arrived != null) {
            latencies.add((arrived - at) / 1_000_000);
          }
        });
    Collections.sort(latencies);
    double achieved = total / ((System.nanoTime() - start) / 1e9 - 5);
    System.out.printf(
        "job emission latency (event acked by Kafka -> first update of its content on %s, read"
            + " uncommitted), %d/s background (%.0f/s achieved): %d of %d probes seen, p50 %d ms,"
            + " p99 %d ms, max %d ms%n",
        Topics.METRICS,
        rate,
        achieved,
        latencies.size(),
        acked.size(),
        pct(latencies, 0.50),
        pct(latencies, 0.99),
        latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
    job.cancel().get();
    System.exit(0);
  }

  private static long pct(List<Long> sorted, double q) {
    return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size()));
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      String key,
      StudioEvent e,
      String probe,
      Map<String, Long> acked) {
    producer.send(
        new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), EventJson.write(e)),
        (meta, error) -> {
          if (probe != null && error == null) {
            acked.put(probe, System.nanoTime());
          }
        });
  }

  private static void read(StackEndpoints stack, Map<String, Long> seen) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    try (var consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(Topics.METRICS).stream()
              .map(i -> new TopicPartition(Topics.METRICS, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToEnd(parts);
      while (true) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          MetricUpdate u = EventJson.read(r.value(), MetricUpdate.class);
          if (u.subject() != null && u.subject().startsWith("probe-")) {
            seen.putIfAbsent(u.subject(), now);
          }
        }
      }
    }
  }
}
