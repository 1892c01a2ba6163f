package io.aegntic.studio.ml.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecasterTest {
  private static List<Forecast> oneStep(double[] y, int n) {
    Forecaster f = Forecaster.withDefaults();
    List<Forecast> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(f.forecast(1));
      f.update(y[i]);
    }
    return out;
  }

  @Test
  void appendingFuturePointsDoesNotChangePastForecasts() {
    double[] y = SpikeDetectorTest.series(1500, 1200, 7);
    assertThat(oneStep(y, 1500).subList(0, 1000)).isEqualTo(oneStep(y, 1000));
  }

  @Test
  void constantSeriesForecastsItselfWithANarrowInterval() {
    Forecaster f = Forecaster.withDefaults();
    for (int i = 0; i < 100; i++) {
      f.update(42);
    }
    Forecast next = f.forecast(6);
    assertThat(next.mean()).isEqualTo(42, offset(1e-9));
    assertThat(next.high() - next.low()).isLessThan(1e-6);
  }

  @Test
  void intervalWidensWithTheHorizonAndContainsTheMean() {
    Forecaster f = Forecaster.withDefaults();
    for (double v : SpikeDetectorTest.series(500, -1, 8)) {
      f.update(v);
    }
    Forecast h1 = f.forecast(1);
    Forecast h12 = f.forecast(12);
    assertThat(h1.low()).isLessThanOrEqualTo(h1.mean());
    assertThat(h1.high()).isGreaterThan(h1.mean());
    assertThat(h12.high() - h12.low()).isGreaterThan(h1.high() - h1.low());
    assertThat(h1.low()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void beatsTheNaiveForecastOnNoisyCounts() {
    double[] y = SpikeDetectorTest.series(3000, -1, 9);
    ForecastEvaluation e = ForecastEvaluation.evaluate(y, 0, 1).get(0);
    assertThat(e.maseNaive()).isLessThan(1);
  }

  @Test
  void rejectsBadInput() {
    Forecaster f = Forecaster.withDefaults();
    assertThatThrownBy(() -> f.update(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.forecast(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Forecaster(new double[] {1.5}, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trackerReportsVelocityAndTrending() {
    TrendTracker t = TrendTracker.forInterval(java.time.Duration.ofMinutes(1));
    double[] y = SpikeDetectorTest.series(400, 300, 10);
    TrendPoint last = null;
    TrendPoint burst = null;
    for (int i = 0; i < 301; i++) {
      last = t.update(y[i]);
      if (i == 300) {
        burst = last;
      }
    }
    assertThat(burst.trending()).isTrue();
    assertThat(burst.alert()).isTrue();
    assertThat(burst.velocity()).isEqualTo(y[300] - y[299]);
    assertThat(burst.forecastHigh()).isGreaterThanOrEqualTo(burst.forecast());
  }
}
