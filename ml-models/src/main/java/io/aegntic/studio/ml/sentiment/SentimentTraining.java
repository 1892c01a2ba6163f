package io.aegntic.studio.ml.sentiment;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reproducible training run behind {@code sentiment-train}: embed train and val (cached under
 * the cache directory), train the head with fixed seeds, write it, and report val recall.
 */
public final class SentimentTraining {
  private SentimentTraining() {}

  /** Trains, writes {@code out}, and returns the written head's val recall. */
  public static Recall run(
      LabelledTexts train,
      LabelledTexts val,
      HeadConfig config,
      Path cacheDir,
      Path out,
      PrintStream log) {
    float[][] trainEmb;
    float[][] valEmb;
    String sha;
    try (MiniLmEncoder encoder = MiniLmEncoder.load(0)) {
      EmbeddingCache cache = new EmbeddingCache(cacheDir);
      log.println(
          "embedding " + train.texts().size() + " train texts (cached in " + cacheDir + ")");
      trainEmb = cache.embed(encoder, train.texts(), false);
      log.println("embedding " + val.texts().size() + " val texts");
      valEmb = cache.embed(encoder, val.texts(), true);
      sha = encoder.modelSha256();
    }
    log.println("training head " + config);
    SentimentHead head =
        new HeadTrainer(config, log)
            .train(
                sha,
                new HeadTrainer.Split(trainEmb, train.texts(), train.labels()),
                new HeadTrainer.Split(valEmb, val.texts(), val.labels()));
    HeadFile.write(head, out);
    SentimentHead written = HeadFile.read(readAll(out), out.toString());
    int[] predicted = new int[valEmb.length];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] =
          Sentiment.of(written.probabilities(valEmb[i], val.texts().get(i))).label().id();
    }
    return Recall.of(val.labels(), predicted);
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
