package io.aegntic.studio.ml.cli;

import io.aegntic.studio.ml.sentiment.HeadConfig;
import io.aegntic.studio.ml.sentiment.LabelledTexts;
import io.aegntic.studio.ml.sentiment.Recall;
import io.aegntic.studio.ml.sentiment.Sentiment;
import io.aegntic.studio.ml.sentiment.SentimentModel;
import io.aegntic.studio.ml.sentiment.SentimentTraining;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** sentiment-predict, sentiment-eval and sentiment-train. */
final class SentimentCommands {
  private final PrintStream out;

  SentimentCommands(PrintStream out) {
    this.out = out;
  }

  int predict(List<String> raw) {
    Args args = new Args("sentiment-predict", raw, Set.of("text", "out", "head"));
    Path textFile = args.path("text");
    Path outFile = args.path("out");
    List<String> texts = LabelledTexts.readTexts(textFile);
    List<String> lines = new ArrayList<>(texts.size());
    try (SentimentModel model = open(args)) {
      for (Sentiment s : ParallelPredict.run(model, texts)) {
        lines.add(Integer.toString(s.label().id()));
      }
    }
    OutputFiles.writeLines(outFile, lines);
    out.println(
        "wrote " + lines.size() + " labels (0 negative, 1 neutral, 2 positive) to " + outFile);
    return 0;
  }

  int eval(List<String> raw) {
    Args args = new Args("sentiment-eval", raw, Set.of("text", "labels", "head"));
    LabelledTexts data = LabelledTexts.read(args.path("text"), args.path("labels"));
    int[] predicted = new int[data.labels().length];
    try (SentimentModel model = open(args)) {
      List<Sentiment> results = ParallelPredict.run(model, data.texts());
      for (int i = 0; i < predicted.length; i++) {
        predicted[i] = results.get(i).label().id();
      }
    }
    print(Recall.of(data.labels(), predicted), data.labels().length);
    return 0;
  }

  int train(List<String> raw) {
    Args args =
        new Args(
            "sentiment-train",
            raw,
            Set.of(
                "train-text",
                "train-labels",
                "val-text",
                "val-labels",
                "out",
                "cache-dir",
                "hidden",
                "hash-bits",
                "epochs",
                "learning-rate",
                "weight-decay",
                "batch",
                "seed"));
    HeadConfig d = HeadConfig.defaults();
    HeadConfig config =
        new HeadConfig(
            args.integer("hidden", d.hidden(), 0, 4096),
            args.integer("hash-bits", d.hashBits(), 0, 22),
            args.integer("epochs", d.epochs(), 1, 1000),
            args.decimal("learning-rate", d.learningRate()),
            args.decimal("weight-decay", d.weightDecay()),
            args.integer("batch", d.batch(), 1, 100_000),
            args.longValue("seed", d.seed()));
    if (config.hashBits() > 0 && config.hashBits() < 4) {
      throw new UsageException("sentiment-train: --hash-bits must be 0 or 4..22");
    }
    LabelledTexts train = LabelledTexts.read(args.path("train-text"), args.path("train-labels"));
    LabelledTexts val = LabelledTexts.read(args.path("val-text"), args.path("val-labels"));
    Path cache = args.path("cache-dir", Path.of("ml-models", "target", "embedding-cache"));
    Path outFile = args.path("out");
    Recall recall = SentimentTraining.run(train, val, config, cache, outFile, out);
    out.println("wrote " + outFile);
    print(recall, val.labels().length);
    return 0;
  }

  private static SentimentModel open(Args args) {
    Path head = args.path("head", null);
    return head == null ? SentimentModel.load(1) : SentimentModel.withHeadFile(head, 1);
  }

  private void print(Recall r, int n) {
    out.printf("texts: %d%n", n);
    out.printf("recall negative: %.2f%n", r.negative());
    out.printf("recall neutral: %.2f%n", r.neutral());
    out.printf("recall positive: %.2f%n", r.positive());
    out.printf("macro recall: %.2f%n", r.macro());
  }
}
