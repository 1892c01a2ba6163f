package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.events.Platform;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sink's own line protocol is the text influxdb-java's {@code Point} writes for the same update
 * (what the sink sent before), so InfluxDB stores the same series, fields and types.
 */
class InfluxPointsTest {
  private static final Instant END = Instant.parse("2026-01-05T10:01:00Z");

  @Test
  void linesEqualInfluxdbJavaPoints() {
    Map<String, Double> engagement = new HashMap<>();
    engagement.put("likes", 3.0);
    engagement.put("comments", 0.0);
    engagement.put("views", 12_345_678_901.0);
    engagement.put("engagement_rate", 100.0 / 3);
    engagement.put("engagement_score", 1.2345e-7);
    engagement.put("reach", Double.NaN); // left out, as non-finite values are
    engagement.put("big", 1.5e20);
    engagement.put("negative", -42.0);
    engagement.put("negative_zero", -0.0);
    engagement.put("infinite", Double.POSITIVE_INFINITY);
    List<MetricUpdate> updates =
        List.of(
            update(
                Family.ENGAGEMENT, Scope.CONTENT, "post-1", Platform.TIKTOK, engagement, Map.of()),
            update(
                Family.REVENUE,
                Scope.CREATOR,
                "cr 1,a=b",
                Platform.STRIPE,
                Map.of("mrr", 4900.0, "revenue", 1900.0),
                Map.of("currency", "EUR")),
            update(
                Family.SENTIMENT,
                Scope.CONTENT,
                "post \"q\" \\",
                null,
                Map.of("positive", 2.0, "mean_polarity", 0.5),
                Map.of("top_comment_1", "great, \"really\"", "zeta", "z", "alpha", "")),
            update(
                Family.ENGAGEMENT,
                Scope.HASHTAG,
                "launch",
                Platform.X,
                Map.of("mentions", 7.0),
                Map.of()));
    for (MetricUpdate u : updates) {
      StringBuilder line = new StringBuilder();
      InfluxPoints.line(line, u);
      assertThat(line.toString()).isEqualTo(LibraryPoints.of(u).lineProtocol(TimeUnit.NANOSECONDS));
    }
  }

  @Test
  void decimalsAreWrittenAsNumberFormatWritesThem() {
    NumberFormat format = NumberFormat.getInstance(Locale.ENGLISH);
    format.setMaximumFractionDigits(340);
    format.setGroupingUsed(false);
    format.setMinimumFractionDigits(1);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> random.nextInt(-1_000_000, 1_000_000);
            case 1 -> random.nextDouble(-1000, 1000);
            case 2 -> Double.longBitsToDouble(random.nextLong()); // any magnitude
            default -> random.nextInt(0, 10_000) / 100.0;
          };
      if (!Double.isFinite(v)) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      InfluxPoints.decimal(sb, v);
      assertThat(sb.toString()).as("%s", v).isEqualTo(format.format(v));
    }
  }

  private static MetricUpdate update(
      Family family,
      Scope scope,
      String subject,
      Platform platform,
      Map<String, Double> values,
      Map<String, String> labels) {
    return new MetricUpdate(
        "creator-1",
        family,
        scope,
        subject,
        platform,
        END.minusSeconds(60),
        END,
        Emission.CORRECTION,
        values,
        labels,
        END);
  }
}
