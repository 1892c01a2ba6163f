package io.aegntic.studio.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.events.MetricUpdate;
import io.aegntic.studio.events.MetricUpdate.Emission;
import io.aegntic.studio.events.MetricUpdate.Family;
import io.aegntic.studio.events.MetricUpdate.Scope;
import io.aegntic.studio.events.Platform;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

/**
 * Flink's serializer contract (round trips single and in sequence, copies, snapshot and restore,
 * duplicate, Java serialisation of the serializer) for the binary {@link MetricUpdateSerializer}.
 */
class MetricUpdateSerializerTest extends SerializerTestBase<MetricUpdate> {
  private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  @Override
  protected TypeSerializer<MetricUpdate> createSerializer() {
    return new MetricUpdateSerializer();
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<MetricUpdate> getTypeClass() {
    return MetricUpdate.class;
  }

  @Override
  protected boolean allowNullInstances(TypeSerializer<MetricUpdate> serializer) {
    return true; // immutable records: createInstance has nothing to reuse
  }

  @Override
  protected MetricUpdate[] getTestData() {
    return new MetricUpdate[] {
      update(
          Family.ENGAGEMENT,
          Scope.CONTENT,
          "post-1",
          Platform.TIKTOK,
          Emission.EARLY,
          Map.of("likes", 3.0, "engagement_rate", 12.5, "engagement_score", 0.123456789),
          Map.of()),
      update(
          Family.REVENUE,
          Scope.CREATOR,
          "cr-1",
          Platform.STRIPE,
          Emission.CORRECTION,
          Map.of("mrr", 4900.0, "revenue", -1.0),
          Map.of("currency", "EUR")),
      update(
          Family.SENTIMENT,
          Scope.CONTENT,
          "ü ✓ 🎉",
          null,
          Emission.FINAL,
          Map.of("negative", 1.0, "mean_polarity", Double.NaN, "x", Double.NEGATIVE_INFINITY),
          Map.of("top_comment_1", "é long ✓ text", "top_comment_2", "")),
      update(Family.TREND, Scope.HASHTAG, "launch", Platform.X, Emission.FINAL, Map.of(), null)
    };
  }

  @Test
  void jsonTypeInfoHandsOutTheBinarySerializer() {
    assertThat(JsonTypeInfo.of(MetricUpdate.class).createSerializer(new SerializerConfigImpl()))
        .isInstanceOf(MetricUpdateSerializer.class);
  }

  private static MetricUpdate update(
      Family family,
      Scope scope,
      String subject,
      Platform platform,
      Emission emission,
      Map<String, Double> values,
      Map<String, String> labels) {
    return new MetricUpdate(
        "creator-" + subject,
        family,
        scope,
        subject,
        platform,
        START,
        START.plusSeconds(60),
        emission,
        values,
        labels,
        Instant.parse("2026-01-05T10:01:02.123456789Z"));
  }
}
