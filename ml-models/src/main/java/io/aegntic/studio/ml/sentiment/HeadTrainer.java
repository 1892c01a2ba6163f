package io.aegntic.studio.ml.sentiment;

import java.io.PrintStream;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link SentimentHead} on embedded train texts: class-weighted cross-entropy (so each
 * class counts equally, as macro recall does), Adam, fixed seeds and a single thread, so the same
 * inputs always give the same weights. Keeps the epoch with the best val macro recall, then picks
 * per-class logit offsets on val.
 */
final class HeadTrainer {
  private final HeadConfig config;
  private final PrintStream log;

  HeadTrainer(HeadConfig config, PrintStream log) {
    this.config = config;
    this.log = log;
  }

  SentimentHead train(String encoderSha, Split train, Split val) {
    int dim = train.embeddings()[0].length;
    float[][] stats = Standardiser.fit(train.embeddings());
    SentimentHead head = initial(encoderSha, dim, stats[0], stats[1]);
    float[][] trainX = Standardiser.apply(head, train.embeddings());
    int[][] trainB = bucketsOf(head, train.texts());
    float[][] valX = Standardiser.apply(head, val.embeddings());
    int[][] valB = bucketsOf(head, val.texts());
    double[] classWeight = classWeights(train.labels());
    HeadSgd sgd = new HeadSgd(head, config, classWeight);
    SentimentHead best = null;
    double bestMacro = -1;
    int[] order = new int[trainX.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(config.seed());
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      shuffle(order, random);
      double loss = sgd.epoch(trainX, trainB, train.labels(), order);
      double[][] logits = HeadEval.rawLogits(head, valX, valB);
      Recall recall = HeadEval.recall(logits, new float[3], val.labels());
      log.printf("epoch %d  train loss %.4f  val macro recall %.2f%n", epoch, loss, recall.macro());
      if (recall.macro() > bestMacro) {
        bestMacro = recall.macro();
        best = HeadEval.copy(head);
      }
    }
    double[][] logits = HeadEval.rawLogits(best, valX, valB);
    float[] offsets = HeadEval.tuneOffsets(logits, val.labels());
    System.arraycopy(offsets, 0, best.offsets, 0, 3);
    log.printf("class offsets on val: %.2f %.2f %.2f%n", offsets[0], offsets[1], offsets[2]);
    return best;
  }

  private SentimentHead initial(String encoderSha, int dim, float[] mean, float[] std) {
    Random random = new Random(config.seed() ^ 0x5DEECE66DL);
    int hidden = config.hidden();
    float[] w1 = new float[hidden * dim];
    for (int i = 0; i < w1.length; i++) {
      w1[i] = (float) (random.nextGaussian() * Math.sqrt(2.0 / dim));
    }
    int width = hidden > 0 ? hidden : dim;
    float[] w2 = new float[3 * width];
    for (int i = 0; i < w2.length; i++) {
      w2[i] = (float) (random.nextGaussian() * Math.sqrt(1.0 / width) * 0.1);
    }
    float[] ws = config.hashBits() > 0 ? new float[3 << config.hashBits()] : null;
    return new SentimentHead(
        encoderSha,
        hidden,
        config.hashBits(),
        mean,
        std,
        w1,
        new float[hidden],
        w2,
        new float[3],
        ws,
        new float[3]);
  }

  private static int[][] bucketsOf(SentimentHead head, List<String> texts) {
    int[][] out = new int[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = head.buckets(texts.get(i));
    }
    return out;
  }

  static double[] classWeights(int[] labels) {
    double[] counts = new double[3];
    for (int y : labels) {
      counts[y]++;
    }
    double[] w = new double[3];
    for (int c = 0; c < 3; c++) {
      w[c] = counts[c] == 0 ? 0 : labels.length / (3 * counts[c]);
    }
    return w;
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Embedded texts with labels. */
  record Split(float[][] embeddings, List<String> texts, int[] labels) {}
}
