package io.aegntic.studio.ml.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {
  /** Poisson-ish counts around 20 with a burst of 200 from index burstAt for 10 intervals. */
  static double[] series(int n, int burstAt, long seed) {
    Random random = new Random(seed);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.max(0, Math.round(20 + random.nextGaussian() * 4.5));
      if (burstAt >= 0 && i >= burstAt && i < burstAt + 10) {
        y[i] += 200;
      }
    }
    return y;
  }

  static List<SpikeScore> run(SpikeDetector d, double[] y, int from, int to) {
    List<SpikeScore> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(d.update(y[i]));
    }
    return out;
  }

  @Test
  void appendingFuturePointsDoesNotChangePastScores() {
    double[] y = series(2000, 1500, 1);
    List<SpikeScore> prefix = run(SpikeDetector.withDefaults(), y, 0, 1000);
    List<SpikeScore> whole = run(SpikeDetector.withDefaults(), y, 0, 2000);
    assertThat(whole.subList(0, 1000)).isEqualTo(prefix);
  }

  @Test
  void alertsWhenTheBurstStartsAndOnlyOnce() {
    double[] y = series(2000, 1500, 2);
    List<SpikeScore> scores = run(SpikeDetector.withDefaults(), y, 0, y.length);
    assertThat(scores.get(1500).alert()).isTrue();
    assertThat(scores.get(1500).score())
        .isGreaterThanOrEqualTo(SpikeDetector.Params.DEFAULTS.threshold());
    assertThat(scores.get(1499).score()).isLessThan(SpikeDetector.Params.DEFAULTS.threshold());
    assertThat(scores.subList(1501, 1510)).noneMatch(SpikeScore::alert);
    assertThat(scores.subList(0, 1500)).noneMatch(SpikeScore::alert);
  }

  @Test
  void scoresStayInTheUnitInterval() {
    double[] y = series(3000, 1000, 3);
    y[2000] = 1e9;
    y[2001] = 0;
    assertThat(run(SpikeDetector.withDefaults(), y, 0, y.length))
        .allMatch(s -> s.score() >= 0 && s.score() <= 1);
  }

  @Test
  void noAlertDuringWarmup() {
    double[] y = series(100, 5, 4);
    assertThat(run(SpikeDetector.withDefaults(), y, 0, 50)).noneMatch(SpikeScore::alert);
  }

  @Test
  void serialisedStateContinuesIdentically() throws Exception {
    double[] y = series(1200, 1100, 5);
    SpikeDetector original = SpikeDetector.forInterval(java.time.Duration.ofMinutes(5));
    run(original, y, 0, 600);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    SpikeDetector copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (SpikeDetector) in.readObject();
    }
    assertThat(run(copy, y, 600, 1200)).isEqualTo(run(original, y, 600, 1200));
  }

  @Test
  void dailyPeriodFollowsTheInterval() {
    assertThat(SpikeDetector.dailyPeriod(java.time.Duration.ofMinutes(5))).isEqualTo(288);
    assertThat(SpikeDetector.dailyPeriod(java.time.Duration.ofMinutes(1))).isEqualTo(1440);
    assertThat(SpikeDetector.dailyPeriod(java.time.Duration.ofSeconds(7))).isZero();
    assertThat(SpikeDetector.dailyPeriod(java.time.Duration.ofSeconds(10))).isZero();
  }
}
