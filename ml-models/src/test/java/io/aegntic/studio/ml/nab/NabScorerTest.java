package io.aegntic.studio.ml.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases on a 1,000-row file (probation: 150 rows) with one window over rows 400..499
 * (width 100). NAB: TP = scaledSigmoid(-(499 - i + 1) / 100) / scaledSigmoid(-1), FP far from a
 * window = -0.11, score = 100 * (raw - null) / (perfect - null) with null = -1, perfect = 1.
 */
class NabScorerTest {
  private static final LocalDateTime T0 = LocalDateTime.of(2015, 1, 1, 0, 0);
  private static final List<LocalDateTime> TS = timestamps(1000);
  private static final List<NabWindow> WINDOW =
      List.of(new NabWindow(T0.plusMinutes(5 * 400), T0.plusMinutes(5 * 499)));
  private final NabScorer scorer = new NabScorer(NabProfile.STANDARD);

  private static List<LocalDateTime> timestamps(int n) {
    List<LocalDateTime> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(T0.plusMinutes(5L * i));
    }
    return out;
  }

  private double score(int... alertRows) {
    boolean[] alerts = new boolean[1000];
    for (int r : alertRows) {
      alerts[r] = true;
    }
    return NabScorer.normalised(List.of(scorer.score(TS, alerts, WINDOW)));
  }

  @Test
  void nullDetectorScoresZeroAndPerfectScoresHundred() {
    assertThat(score()).isEqualTo(0.0, offset(1e-9));
    assertThat(score(400)).isEqualTo(100.0, offset(1e-9));
  }

  @Test
  void lateDetectionEarnsLess() {
    double tp = (2 / (1 + Math.exp(-5 * 0.01)) - 1) / (2 / (1 + Math.exp(-5.0)) - 1);
    assertThat(tp).isEqualTo(0.025334, offset(1e-6));
    assertThat(score(499)).isEqualTo(100 * (tp + 1) / 2, offset(1e-9));
    assertThat(score(450)).isBetween(score(499), score(400));
  }

  @Test
  void onlyTheFirstDetectionInAWindowCounts() {
    assertThat(score(400, 420, 480)).isEqualTo(score(400), offset(1e-12));
  }

  @Test
  void falsePositiveFarFromWindowsCostsPointEleven() {
    assertThat(score(300, 400)).isEqualTo(100 * (1 - 0.11 + 1) / 2, offset(1e-9));
    assertThat(score(900, 400)).isEqualTo(100 * (1 - 0.11 + 1) / 2, offset(1e-9));
  }

  @Test
  void falsePositiveJustAfterAWindowCostsAlmostNothing() {
    double fp = 0.11 * (2 / (1 + Math.exp(5 * (1 / 99.0))) - 1);
    assertThat(fp).isEqualTo(-0.0027766, offset(1e-6));
    assertThat(score(400, 500)).isEqualTo(100 * (1 + fp + 1) / 2, offset(1e-9));
  }

  @Test
  void probationaryAlertsAreIgnored() {
    assertThat(score(10, 149, 400)).isEqualTo(100.0, offset(1e-9));
    assertThat(score(150, 400)).isLessThan(100.0);
  }

  @Test
  void normalisationSumsOverFiles() {
    NabScorer.FileScore hit = scorer.score(TS, alertsAt(400), WINDOW);
    NabScorer.FileScore miss = scorer.score(TS, new boolean[1000], WINDOW);
    assertThat(NabScorer.normalised(List.of(hit, miss))).isEqualTo(50.0, offset(1e-9));
    assertThat(hit.detectedWindows()).isEqualTo(1);
    assertThat(miss.missedWindows()).isEqualTo(1);
  }

  @Test
  void undefinedWithoutWindowsAndMismatchedLengthsRejected() {
    NabScorer.FileScore none = scorer.score(TS, new boolean[1000], List.of());
    assertThatThrownBy(() -> NabScorer.normalised(List.of(none)))
        .hasMessageContaining("no scorable anomaly windows");
    assertThatThrownBy(() -> scorer.score(TS, new boolean[10], WINDOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean[] alertsAt(int row) {
    boolean[] a = new boolean[1000];
    a[row] = true;
    return a;
  }
}
