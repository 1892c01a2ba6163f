package io.aegntic.studio.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadTrainerTest {
  private static final String[] WORDS = {"awful", "fine", "great"};

  /** Three noisy clusters in embedding space, with a class word in the text. */
  static HeadTrainer.Split synthetic(int n, long seed) {
    Random random = new Random(seed);
    float[][] x = new float[n][MiniLmEncoder.DIMENSION];
    int[] y = new int[n];
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(3);
      for (int d = 0; d < x[i].length; d++) {
        x[i][d] = (float) (random.nextGaussian() + (d % 3 == y[i] ? 0.4 : 0));
      }
      texts.add("this is " + WORDS[y[i]] + " #" + random.nextInt(50));
    }
    return new HeadTrainer.Split(x, texts, y);
  }

  private static byte[] train(HeadConfig config, Path out) throws Exception {
    HeadTrainer trainer = new HeadTrainer(config, new PrintStream(new ByteArrayOutputStream()));
    SentimentHead head = trainer.train("sha", synthetic(600, 1), synthetic(200, 2));
    HeadFile.write(head, out);
    return Files.readAllBytes(out);
  }

  @Test
  void sameSeedGivesByteIdenticalHead(@TempDir Path dir) throws Exception {
    HeadConfig config = new HeadConfig(8, 10, 3, 1e-2, 1e-5, 16, 42);
    byte[] first = train(config, dir.resolve("a.bin"));
    byte[] second = train(config, dir.resolve("b.bin"));
    assertThat(first).isEqualTo(second);
  }

  @Test
  void differentSeedGivesDifferentHead(@TempDir Path dir) throws Exception {
    byte[] first = train(new HeadConfig(8, 10, 3, 1e-2, 1e-5, 16, 42), dir.resolve("a.bin"));
    byte[] second = train(new HeadConfig(8, 10, 3, 1e-2, 1e-5, 16, 43), dir.resolve("b.bin"));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void learnsSeparableClasses() {
    HeadTrainer trainer =
        new HeadTrainer(
            new HeadConfig(0, 10, 4, 1e-2, 1e-5, 16, 7),
            new PrintStream(new ByteArrayOutputStream()));
    HeadTrainer.Split val = synthetic(200, 4);
    SentimentHead head = trainer.train("sha", synthetic(600, 3), val);
    int[] predicted = new int[val.labels().length];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] =
          Sentiment.of(head.probabilities(val.embeddings()[i], val.texts().get(i))).label().id();
    }
    assertThat(Recall.of(val.labels(), predicted).macro()).isGreaterThan(90);
  }

  @Test
  void classWeightsBalanceTheClasses() {
    double[] w = HeadTrainer.classWeights(new int[] {0, 1, 1, 1, 2, 2});
    assertThat(w[0] * 1).isEqualTo(w[1] * 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(w[2] * 2).isEqualTo(w[1] * 3, org.assertj.core.data.Offset.offset(1e-12));
  }
}
