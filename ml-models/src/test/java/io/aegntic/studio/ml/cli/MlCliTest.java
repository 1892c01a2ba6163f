package io.aegntic.studio.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlCliTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return MlCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noArgumentsPrintsUsageAndExitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("usage:");
  }

  @Test
  void unknownCommandOrOptionIsAUsageError() {
    assertThat(run("train-everything")).isEqualTo(2);
    assertThat(err()).contains("unknown command 'train-everything'").doesNotContain("Exception");
    assertThat(run("detect", "--input", "a.csv", "--colour", "red")).isEqualTo(2);
    assertThat(err()).contains("unknown option --colour");
  }

  @Test
  void missingValueOrRequiredOptionIsAUsageError() {
    assertThat(run("nab-score", "--windows")).isEqualTo(2);
    assertThat(err()).contains("--windows needs a value");
    assertThat(run("sentiment-eval", "--text", "t.txt")).isEqualTo(2);
    assertThat(err()).contains("missing required option --labels");
    assertThat(run("sentiment-train", "--epochs", "many")).isEqualTo(2);
    assertThat(err()).contains("--epochs must be an integer");
  }

  @Test
  void detectWritesScoresAndAlerts() throws Exception {
    Path input = writeSeries(dir.resolve("s.csv"), 800, 700);
    Path output = dir.resolve("out/s.csv");
    assertThat(run("detect", "--input", input.toString(), "--output", output.toString())).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,alert");
    assertThat(lines).hasSize(801);
    assertThat(lines.get(701)).startsWith("2015-01-03 10:20:00,").endsWith(",1");
  }

  @Test
  void badCsvExitsOneAndWritesNothing() throws Exception {
    Path input =
        Files.writeString(dir.resolve("bad.csv"), "timestamp,value\n2015-01-01 00:00:00,x\n");
    Path output = dir.resolve("never.csv");
    assertThat(run("detect", "--input", input.toString(), "--output", output.toString()))
        .isEqualTo(1);
    assertThat(err()).contains("line 2").contains("'x'").doesNotContain("at io.");
    assertThat(output).doesNotExist();
  }

  @Test
  void detectThenNabScoreOnADirectory() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    writeSeries(data.resolve("a.csv"), 800, 700);
    Path windows =
        Files.writeString(
            dir.resolve("windows.json"),
            "{\"set/a.csv\": [[\"2015-01-03 09:00:00.000000\", \"2015-01-03 12:00:00.000000\"]]}");
    Path results = dir.resolve("results");
    assertThat(run("detect", "--input", data.toString(), "--output", results.toString())).isZero();
    assertThat(run("nab-score", "--windows", windows.toString(), "--results", results.toString()))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("NAB standard score: ");
  }

  @Test
  void nabScoreWithoutResultsForAFileFails() throws Exception {
    Path windows = Files.writeString(dir.resolve("w.json"), "{\"set/zzz.csv\": []}");
    Files.createDirectories(dir.resolve("r"));
    assertThat(
            run(
                "nab-score",
                "--windows",
                windows.toString(),
                "--results",
                dir.resolve("r").toString()))
        .isEqualTo(1);
    assertThat(err()).contains("no results file for set/zzz.csv");
  }

  @Test
  void forecastEvalPrintsEachHorizon() throws Exception {
    Path input = writeSeries(dir.resolve("f.csv"), 1200, -1);
    assertThat(run("forecast-eval", "--input", input.toString())).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("f.csv").contains("MASE-naive").contains("MASE-seasonal");
    assertThat(text.lines().filter(l -> l.startsWith("f.csv"))).hasSize(3);
  }

  /** Five-minute counts near 20 (deterministic wiggle) with a burst of +200 at burstAt. */
  static Path writeSeries(Path file, int n, int burstAt) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("timestamp,value");
    LocalDateTime t = LocalDateTime.of(2015, 1, 1, 0, 0);
    for (int i = 0; i < n; i++) {
      long v =
          20 + (i * 7919L % 9) - 4 + (i >= burstAt && burstAt >= 0 && i < burstAt + 5 ? 200 : 0);
      lines.add(t.plusMinutes(5L * i).toString().replace('T', ' ') + ":00," + v);
    }
    Files.createDirectories(file.getParent());
    return Files.write(file, lines);
  }
}
