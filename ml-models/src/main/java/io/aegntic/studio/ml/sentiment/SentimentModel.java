package io.aegntic.studio.ml.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Comment sentiment: MiniLM sentence embeddings (ONNX through DJL) and the trained head, both
 * loaded from the jar with no network access. A missing or damaged model file fails {@link #load()}
 * with a {@link ModelLoadException} naming the file.
 *
 * <p>Thread-safe. Each concurrent caller gets its own DJL predictor from a pool, so one instance
 * may be shared by several threads; a Flink operator simply calls {@link #load()} in {@code open()}
 * and {@link #close()} in {@code close()} (the instance itself is not serialisable).
 */
public final class SentimentModel implements AutoCloseable {
  /** Classpath location of the committed head. */
  public static final String HEAD_RESOURCE = "models/sentiment-head.bin";

  /** Inputs per encoder call; longer lists are split so padding stays bounded. */
  static final int MAX_BATCH = 32;

  private final MiniLmEncoder encoder;
  private final SentimentHead head;

  SentimentModel(MiniLmEncoder encoder, SentimentHead head) {
    if (!encoder.modelSha256().equals(head.encoderSha256)) {
      encoder.close();
      throw new ModelLoadException(
          "model file '"
              + HEAD_RESOURCE
              + "' was trained on a different encoder than '"
              + MiniLmEncoder.MODEL_RESOURCE
              + "' (SHA-256 mismatch): retrain the head");
    }
    this.encoder = encoder;
    this.head = head;
  }

  /** Loads the shipped model, one ONNX Runtime thread per calling thread. */
  public static SentimentModel load() {
    return load(1);
  }

  /**
   * Loads the shipped model.
   *
   * @param intraOpThreads ONNX Runtime threads per call (0 = all cores)
   */
  public static SentimentModel load(int intraOpThreads) {
    return load(intraOpThreads, HEAD_RESOURCE);
  }

  static SentimentModel load(int intraOpThreads, String headResource) {
    SentimentHead head = HeadFile.read(ModelResources.read(headResource), headResource);
    return new SentimentModel(MiniLmEncoder.load(intraOpThreads), head);
  }

  /** Loads a head from a file (e.g. one just trained) with the shipped encoder. */
  public static SentimentModel withHeadFile(Path headFile, int intraOpThreads) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(headFile);
    } catch (NoSuchFileException e) {
      throw new ModelLoadException("model file '" + headFile + "' does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model file '" + headFile + "'", e);
    }
    return new SentimentModel(
        MiniLmEncoder.load(intraOpThreads), HeadFile.read(bytes, headFile.toString()));
  }

  /** Predicts every text (null counts as empty); result i belongs to text i. */
  public List<Sentiment> predict(List<String> texts) {
    List<Sentiment> out = new ArrayList<>(texts.size());
    for (int start = 0; start < texts.size(); start += MAX_BATCH) {
      List<String> batch =
          new ArrayList<>(texts.subList(start, Math.min(texts.size(), start + MAX_BATCH)));
      batch.replaceAll(t -> t == null ? "" : t);
      float[][] embeddings = encoder.embed(batch);
      for (int i = 0; i < embeddings.length; i++) {
        out.add(Sentiment.of(head.probabilities(embeddings[i], batch.get(i))));
      }
    }
    return out;
  }

  public Sentiment predict(String text) {
    return predict(List.of(text == null ? "" : text)).get(0);
  }

  @Override
  public void close() {
    encoder.close();
  }
}
