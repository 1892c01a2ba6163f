package io.aegntic.studio.ml.sentiment;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sentence embeddings (384-d, mean-pooled, L2-normalised) from the int8 all-MiniLM-L6-v2 ONNX model
 * shipped in the langchain4j jar, run by DJL's ONNX Runtime engine with no network access.
 *
 * <p>Thread-safe: a DJL {@link Predictor} is not, so each concurrent caller borrows its own from a
 * small pool (one predictor per calling thread at most), and returns it after the batch.
 */
public final class MiniLmEncoder implements AutoCloseable {
  public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
  public static final int DIMENSION = 384;
  static final int MAX_TOKENS = 128;

  private final Model model;
  private final HuggingFaceTokenizer tokenizer;
  private final String modelSha256;
  private final ConcurrentLinkedQueue<Predictor<Encoding[], float[][]>> idle =
      new ConcurrentLinkedQueue<>();
  private final List<Predictor<Encoding[], float[][]>> created = new ArrayList<>();

  private MiniLmEncoder(Model model, HuggingFaceTokenizer tokenizer, String modelSha256) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.modelSha256 = modelSha256;
  }

  /**
   * Loads encoder and tokenizer from the classpath.
   *
   * @param intraOpThreads ONNX Runtime threads per inference call (1 for one core per caller; 0
   *     lets ONNX Runtime use every core)
   */
  public static MiniLmEncoder load(int intraOpThreads) {
    OfflineDjl.apply();
    byte[] onnx = ModelResources.read(MODEL_RESOURCE);
    byte[] tokenizerJson = ModelResources.read(TOKENIZER_RESOURCE);
    HuggingFaceTokenizer tokenizer;
    try {
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              new ByteArrayInputStream(tokenizerJson),
              Map.of(
                  "padding", "false",
                  "truncation", "true",
                  "maxLength", Integer.toString(MAX_TOKENS)));
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException("damaged tokenizer file '" + TOKENIZER_RESOURCE + "'", e);
    }
    Model model = Model.newInstance("all-minilm-l6-v2-q", "OnnxRuntime");
    try {
      Map<String, Object> options = new HashMap<>();
      if (intraOpThreads > 0) {
        options.put("intraOpNumThreads", Integer.toString(intraOpThreads));
        options.put("interOpNumThreads", "1");
      }
      model.load(new ByteArrayInputStream(onnx), options);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      tokenizer.close();
      throw new ModelLoadException("damaged ONNX model file '" + MODEL_RESOURCE + "'", e);
    }
    return new MiniLmEncoder(model, tokenizer, Checksums.sha256(onnx));
  }

  /** SHA-256 of the ONNX file, so a head can refuse an encoder it was not trained with. */
  public String modelSha256() {
    return modelSha256;
  }

  /** Embeds a batch; row i is the unit-length embedding of text i. */
  public float[][] embed(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    Encoding[] encodings = tokenizer.batchEncode(texts);
    Predictor<Encoding[], float[][]> predictor = borrow();
    try {
      return predictor.predict(encodings);
    } catch (TranslateException e) {
      throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
    } finally {
      idle.add(predictor);
    }
  }

  private Predictor<Encoding[], float[][]> borrow() {
    Predictor<Encoding[], float[][]> predictor = idle.poll();
    if (predictor == null) {
      predictor = model.newPredictor(new PoolingTranslator());
      synchronized (created) {
        created.add(predictor);
      }
    }
    return predictor;
  }

  @Override
  public void close() {
    synchronized (created) {
      created.forEach(Predictor::close);
      created.clear();
    }
    idle.clear();
    model.close();
    tokenizer.close();
  }
}
