package io.aegntic.studio.serving.analytics;

import io.aegntic.studio.serving.config.ApiException;
import io.aegntic.studio.serving.config.StudioProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Runs InfluxQL statements with the blocking influxdb-java client on the bounded-elastic pool. */
@Component
class InfluxReader implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(InfluxReader.class);
  private final InfluxDB influx;
  private final String database;

  InfluxReader(StudioProperties properties) {
    StudioProperties.Influx cfg = properties.influx();
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS);
    this.influx =
        cfg.user() == null || cfg.user().isBlank()
            ? InfluxDBFactory.connect(cfg.url(), http)
            : InfluxDBFactory.connect(cfg.url(), cfg.user(), cfg.password(), http);
    this.database = cfg.database();
  }

  /** One row of a result series: its tags, time, and named values. */
  record Row(Map<String, String> tags, Instant time, Map<String, Double> values) {}

  Mono<List<Row>> query(InfluxQl.Statement statement) {
    return Mono.fromCallable(() -> run(statement)).subscribeOn(Schedulers.boundedElastic());
  }

  private List<Row> run(InfluxQl.Statement statement) {
    BoundParameterQuery.QueryBuilder builder =
        BoundParameterQuery.QueryBuilder.newQuery(statement.text()).forDatabase(database);
    statement.params().forEach(builder::bind);
    QueryResult result;
    try {
      result = influx.query(builder.create(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      log.warn("InfluxDB query failed: {}", e.toString());
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "analytics_unavailable", "analytics store unavailable");
    }
    if (result.getError() != null) {
      throw storeError(result.getError());
    }
    List<Row> rows = new ArrayList<>();
    for (QueryResult.Result r : result.getResults()) {
      if (r.getError() != null) {
        if (r.getError().contains("database not found")) {
          continue;
        }
        throw storeError(r.getError());
      }
      if (r.getSeries() == null) {
        continue;
      }
      for (QueryResult.Series s : r.getSeries()) {
        Map<String, String> tags = s.getTags() == null ? Map.of() : s.getTags();
        List<String> columns = s.getColumns();
        for (List<Object> values : s.getValues()) {
          Map<String, Double> named = new HashMap<>();
          Instant time = Instant.EPOCH;
          for (int i = 0; i < columns.size(); i++) {
            Object v = values.get(i);
            if ("time".equals(columns.get(i))) {
              time = Instant.ofEpochMilli(((Number) v).longValue());
            } else if (v instanceof Number n) {
              named.put(columns.get(i), n.doubleValue());
            }
          }
          rows.add(new Row(tags, time, named));
        }
      }
    }
    return rows;
  }

  private ApiException storeError(String error) {
    log.warn("InfluxDB returned an error: {}", error);
    return new ApiException(HttpStatus.BAD_GATEWAY, "analytics_error", "analytics store error");
  }

  @Override
  public void destroy() {
    influx.close();
  }
}
