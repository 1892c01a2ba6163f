package io.aegntic.studio.jobs.analytics;

import java.io.Serializable;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/** Where the metrics go in InfluxDB; the user and password are optional and never printed. */
record InfluxTarget(String url, String database, String user, String password)
    implements Serializable {

  InfluxDB connect() {
    return user == null || user.isBlank()
        ? InfluxDBFactory.connect(url)
        : InfluxDBFactory.connect(url, user, password);
  }

  @Override
  public String toString() {
    return url + "/" + database;
  }
}
