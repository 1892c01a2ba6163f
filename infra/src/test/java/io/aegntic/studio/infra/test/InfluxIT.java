package io.aegntic.studio.infra.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.infra.StackEndpoints;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared stack's InfluxDB is a real 1.x server: line protocol in, InfluxQL out. */
@ExtendWith(StudioStackExtension.class)
class InfluxIT {

  @Test
  void lineProtocolWriteReadsBackWithInfluxQl(StackEndpoints stack) {
    String creator = "c-" + UUID.randomUUID();
    long time = System.currentTimeMillis() / 1000 * 1000 - 3_600_000;
    try (InfluxDB influx = InfluxDBFactory.connect(stack.influxUrl())) {
      influx.write(
          stack.influxDatabase(),
          "",
          InfluxDB.ConsistencyLevel.ONE,
          TimeUnit.MILLISECONDS,
          List.of(
              "engagement,creator=" + creator + ",platform=youtube likes=3,views=120 " + time,
              "engagement,creator="
                  + creator
                  + ",platform=youtube likes=5,views=180 "
                  + (time + 60_000)));
      QueryResult result =
          influx.query(
              new Query(
                  "SELECT sum(\"likes\"), max(\"views\") FROM \"engagement\" WHERE \"creator\" = '"
                      + creator
                      + "' AND time >= 0",
                  stack.influxDatabase()));
      List<Object> row = result.getResults().get(0).getSeries().get(0).getValues().get(0);
      assertThat(row.subList(1, 3)).containsExactly(8.0, 180.0);
    }
  }

  @Test
  void studioDatabaseHasItsRetentionPolicies(StackEndpoints stack) {
    try (InfluxDB influx = InfluxDBFactory.connect(stack.influxUrl())) {
      QueryResult result =
          influx.query(new Query("SHOW RETENTION POLICIES ON \"" + stack.influxDatabase() + "\""));
      List<List<Object>> policies = result.getResults().get(0).getSeries().get(0).getValues();
      assertThat(policies).extracting(p -> p.get(0)).contains("raw", "rollup");
      assertThat(policies)
          .filteredOn(p -> Boolean.TRUE.equals(p.get(4)))
          .extracting(p -> p.get(0))
          .containsExactly("raw");
    }
  }
}
