package io.aegntic.studio.ml.cli;

import io.aegntic.studio.ml.sentiment.ModelLoadException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line entry point ({@code ./studio ml <command> ...}): sentiment prediction, evaluation,
 * training and benchmark; spike detection, NAB scoring and forecast evaluation. Exit codes: 0 done,
 * 1 bad input data or model files, 2 bad arguments.
 */
public final class MlCli {
  static final String USAGE =
      """
      usage: ml <command> [options]
        sentiment-predict --text FILE --out FILE [--head FILE]
        sentiment-eval    --text FILE --labels FILE [--head FILE]
        sentiment-train   --train-text FILE --train-labels FILE --val-text FILE --val-labels FILE
                          --out FILE [--cache-dir DIR] [--hidden N] [--hash-bits N] [--epochs N]
                          [--learning-rate X] [--weight-decay X] [--batch N] [--seed N]
        sentiment-bench   [--text FILE] [--seconds N]
        detect            --input FILE.csv|DIR --output FILE.csv|DIR
        nab-score         --windows FILE.json --results DIR
        forecast-eval     --input FILE.csv|DIR
      """;

  private MlCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code (never throws for bad arguments or input). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    quietLogging();
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "sentiment-predict" -> new SentimentCommands(out).predict(rest);
        case "sentiment-eval" -> new SentimentCommands(out).eval(rest);
        case "sentiment-train" -> new SentimentCommands(out).train(rest);
        case "sentiment-bench" -> new SentimentBench(out).run(rest);
        case "detect" -> new TrendCommands(out).detect(rest);
        case "nab-score" -> new TrendCommands(out).nabScore(rest);
        case "forecast-eval" -> new TrendCommands(out).forecastEval(rest);
        case "-h", "--help", "help" -> {
          out.print(USAGE);
          yield 0;
        }
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      };
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (IllegalArgumentException | ModelLoadException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      // Anything else is our bug, but the user still gets one line, not a stack trace.
      err.println("error: " + args[0] + " failed: " + e);
      return 1;
    }
  }

  /** DJL logs GPU probing at WARN; the CLI only wants real errors on stderr. */
  private static void quietLogging() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
  }
}
