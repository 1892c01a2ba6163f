package io.aegntic.studio.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.Test;

/** A record, a row and a point written to one stack are all there after a restart. */
class RestartDurabilityIT {

  @Test
  void dataSurvivesAStopAndStartOnTheSameFolder() throws Exception {
    Path dir = StackDirs.fresh("restart");
    StackSettings settings = StackSettings.forTests(dir);
    long pointTime = System.currentTimeMillis() / 1000 * 1000 - 60_000;
    try (LocalStack stack = LocalStack.start(settings)) {
      StackEndpoints e = stack.endpoints();
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrap());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(Topics.EVENTS, 0, "creator-1", "kept")).get();
      }
      try (Connection c = jdbc(e);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (id int PRIMARY KEY, note text)");
        s.execute("INSERT INTO kept VALUES (1, 'row survives')");
      }
      try (InfluxDB influx = InfluxDBFactory.connect(e.influxUrl())) {
        influx.write(
            e.influxDatabase(),
            "",
            InfluxDB.ConsistencyLevel.ONE,
            TimeUnit.MILLISECONDS,
            "durability,creator=creator-1 value=42 " + pointTime);
      }
    }

    try (LocalStack again = LocalStack.start(settings)) {
      StackEndpoints e = again.endpoints();
      assertThat(firstPartitionValues(e)).containsExactly("kept");
      try (Connection c = jdbc(e);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT note FROM kept WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("row survives");
      }
      try (InfluxDB influx = InfluxDBFactory.connect(e.influxUrl())) {
        QueryResult result =
            influx.query(
                new Query(
                    "SELECT \"value\" FROM \"durability\" WHERE time >= 0", e.influxDatabase()));
        assertThat(result.getResults().get(0).getSeries().get(0).getValues())
            .extracting(row -> row.get(1))
            .containsExactly(42.0);
      }
    }
  }

  private static Connection jdbc(StackEndpoints e) throws Exception {
    return DriverManager.getConnection(e.postgresJdbcUrl(), e.postgresUser(), e.postgresPassword());
  }

  private static List<String> firstPartitionValues(StackEndpoints e) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrap());
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition p0 = new TopicPartition(Topics.EVENTS, 0);
      consumer.assign(List.of(p0));
      consumer.seekToBeginning(List.of(p0));
      long end = consumer.endOffsets(List.of(p0), Duration.ofSeconds(30)).get(p0);
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (consumer.position(p0) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
      return values;
    }
  }
}
