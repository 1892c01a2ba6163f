package io.aegntic.studio.ml.cli;

import io.aegntic.studio.ml.nab.NabEvaluation;
import io.aegntic.studio.ml.nab.NabProfile;
import io.aegntic.studio.ml.nab.NabScorer;
import io.aegntic.studio.ml.trend.ForecastEvaluation;
import io.aegntic.studio.ml.trend.SeriesCsv;
import io.aegntic.studio.ml.trend.SeriesDetection;
import io.aegntic.studio.ml.trend.SeriesPoint;
import io.aegntic.studio.ml.trend.SpikeDetector;
import io.aegntic.studio.ml.trend.SpikeScore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** detect, nab-score and forecast-eval. */
final class TrendCommands {
  private final PrintStream out;

  TrendCommands(PrintStream out) {
    this.out = out;
  }

  int detect(List<String> raw) {
    Args args = new Args("detect", raw, Set.of("input", "output"));
    Path input = args.path("input");
    Path output = args.path("output");
    if (Files.isDirectory(input)) {
      if (Files.isRegularFile(output)) {
        throw new UsageException("detect: --input is a directory, so --output must be one too");
      }
      List<Path> files = csvFiles(input);
      // Read everything first, so a bad file stops the run before anything is written.
      List<List<SeriesPoint>> series = new ArrayList<>();
      for (Path f : files) {
        series.add(SeriesCsv.read(f));
      }
      for (int i = 0; i < files.size(); i++) {
        write(series.get(i), output.resolve(files.get(i).getFileName()));
      }
      out.println("scored " + files.size() + " files into " + output);
    } else {
      write(SeriesCsv.read(input), output);
      out.println("scored " + input + " into " + output);
    }
    return 0;
  }

  int nabScore(List<String> raw) {
    Args args = new Args("nab-score", raw, Set.of("windows", "results"));
    NabEvaluation.Outcome outcome =
        NabEvaluation.score(args.path("windows"), args.path("results"), NabProfile.STANDARD);
    for (Map.Entry<String, NabScorer.FileScore> e : outcome.files().entrySet()) {
      NabScorer.FileScore f = e.getValue();
      out.printf(
          Locale.ROOT,
          "%s: windows detected %d, missed %d, false positives %d, raw %.3f%n",
          e.getKey(),
          f.detectedWindows(),
          f.missedWindows(),
          f.falsePositives(),
          f.raw());
    }
    out.printf(Locale.ROOT, "NAB standard score: %.2f%n", outcome.score());
    return 0;
  }

  int forecastEval(List<String> raw) {
    Args args = new Args("forecast-eval", raw, Set.of("input"));
    Path input = args.path("input");
    List<Path> files = Files.isDirectory(input) ? csvFiles(input) : List.of(input);
    out.printf(
        "%-28s %3s %10s %13s %17s%n", "file", "h", "MASE-naive", "MASE-seasonal", "95%-coverage");
    for (Path f : files) {
      List<SeriesPoint> series = SeriesCsv.read(f);
      double[] y = series.stream().mapToDouble(SeriesPoint::value).toArray();
      int period = SpikeDetector.dailyPeriod(SeriesDetection.typicalStep(series));
      for (ForecastEvaluation e : ForecastEvaluation.evaluate(y, period, 1, 6, 12)) {
        out.printf(
            Locale.ROOT,
            "%-28s %3d %10.3f %13.3f %17.3f%n",
            f.getFileName(),
            e.horizon(),
            e.maseNaive(),
            e.maseSeasonal(),
            e.coverage());
      }
    }
    out.println("(seasonal period: intervals per day from the median timestamp step)");
    return 0;
  }

  private static void write(List<SeriesPoint> series, Path file) {
    List<SpikeScore> scores = SeriesDetection.detect(series);
    List<String> lines = new ArrayList<>(series.size() + 1);
    lines.add("timestamp,value,anomaly_score,alert");
    for (int i = 0; i < series.size(); i++) {
      SeriesPoint p = series.get(i);
      SpikeScore s = scores.get(i);
      lines.add(
          String.format(
              Locale.ROOT,
              "%s,%s,%.6f,%d",
              SeriesCsv.format(p.timestamp()),
              number(p.value()),
              s.score(),
              s.alert() ? 1 : 0));
    }
    OutputFiles.writeLines(file, lines);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static List<Path> csvFiles(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> files =
          list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException(dir + ": no .csv files");
      }
      return files;
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot list (" + e.getMessage() + ")");
    }
  }
}
