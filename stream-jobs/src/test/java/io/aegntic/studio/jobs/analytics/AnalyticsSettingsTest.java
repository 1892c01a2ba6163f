package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentiment job's settings: its own group, ids, checkpoints and tasks; the rest shared. */
class AnalyticsSettingsTest {
  private static final Map<String, String> ENV =
      Map.of("STUDIO_DATA_DIR", "/data/studio", "STUDIO_ANALYTICS_WINDOW", "2 min");

  @Test
  void theSentimentJobHasItsOwnGroupIdsCheckpointsAndParallelism() {
    AnalyticsSettings analytics = AnalyticsSettings.load(ENV, new String[0]);
    AnalyticsSettings sentiment = analytics.forSentimentJob();
    assertThat(analytics.groupId()).isEqualTo("studio-analytics");
    assertThat(sentiment.groupId()).isEqualTo("studio-sentiment");
    assertThat(sentiment.transactionalIdPrefix()).isEqualTo("studio-sentiment");
    assertThat(analytics.checkpointDir())
        .isEqualTo(Path.of("/data/studio/flink/checkpoints").toUri().toString());
    assertThat(sentiment.checkpointDir())
        .isEqualTo(Path.of("/data/studio/flink/checkpoints-sentiment").toUri().toString());
    assertThat(sentiment.parallelism()).isEqualTo(2);
    assertThat(sentiment.window()).isEqualTo(analytics.window()).hasMinutes(2);
    assertThat(sentiment.kafkaBootstrap()).isEqualTo(analytics.kafkaBootstrap());
  }

  @Test
  void itsOwnSettingsComeFromTheirArgumentsAndLeaveTheAnalyticsJobAlone() {
    AnalyticsSettings analytics =
        AnalyticsSettings.load(
            Map.of("STUDIO_SENTIMENT_PARALLELISM", "3"),
            new String[] {
              "--group-id",
              "a",
              "--sentiment-group-id",
              "s",
              "--parallelism",
              "1",
              "--sentiment-transactional-id-prefix",
              "s-tx",
              "--sentiment-checkpoint-dir",
              "file:/s"
            });
    AnalyticsSettings sentiment = analytics.forSentimentJob();
    assertThat(analytics.groupId()).isEqualTo("a");
    assertThat(analytics.parallelism()).isEqualTo(1);
    assertThat(sentiment.groupId()).isEqualTo("s");
    assertThat(sentiment.parallelism()).isEqualTo(3);
    assertThat(sentiment.transactionalIdPrefix()).isEqualTo("s-tx");
    assertThat(sentiment.checkpointDir()).isEqualTo("file:/s");
    assertThat(sentiment.forSentimentJob()).isEqualTo(sentiment);
  }
}
