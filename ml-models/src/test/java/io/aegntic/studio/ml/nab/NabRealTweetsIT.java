package io.aegntic.studio.ml.nab;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.ml.SharedData;
import io.aegntic.studio.ml.cli.MlCli;
import io.aegntic.studio.ml.trend.ForecastEvaluation;
import io.aegntic.studio.ml.trend.SeriesCsv;
import io.aegntic.studio.ml.trend.SeriesPoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** detect then nab-score on the shared NAB realTweets files, and forecast MASE per file. */
class NabRealTweetsIT {
  private static final Path DATA = SharedData.dir("nab-realtweets");

  private static String cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MlCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void standardScoreIsAtLeastSixty() {
    Path results = Path.of("target", "nab-it-results");
    cli("detect", "--input", DATA.resolve("data").toString(), "--output", results.toString());
    String text =
        cli(
            "nab-score",
            "--windows",
            DATA.resolve("windows.json").toString(),
            "--results",
            results.toString());
    System.out.print(text);
    Matcher m = Pattern.compile("NAB standard score: ([0-9.-]+)").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(60.0);
  }

  @Test
  void oneStepForecastBeatsNaiveOnEveryFile() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DATA.resolve("data"))) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      double[] y = SeriesCsv.read(f).stream().mapToDouble(SeriesPoint::value).toArray();
      ForecastEvaluation h1 = ForecastEvaluation.evaluate(y, 288, 1).get(0);
      System.out.printf("%s MASE(h=1) vs naive %.3f%n", f.getFileName(), h1.maseNaive());
      assertThat(h1.maseNaive()).as(f.getFileName().toString()).isLessThan(1.0);
    }
  }
}
