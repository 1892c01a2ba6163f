package io.aegntic.studio.ml.sentiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Embeds a list of texts once and keeps the result in a cache directory (under target/), keyed by
 * the texts' and the encoder's hashes, so re-training does not re-run the encoder.
 *
 * <p>The int8 encoder quantises activations per batch, so an embedding depends slightly on the
 * other texts in its batch. Evaluation data is therefore embedded exactly as {@link
 * SentimentModel#predict} does (file order, batches of {@link SentimentModel#MAX_BATCH}); training
 * data is sorted by length first, which is faster and only adds a little noise.
 */
final class EmbeddingCache {
  private static final int SORTED_BATCH = 64;
  private final Path dir;

  EmbeddingCache(Path dir) {
    this.dir = dir;
  }

  float[][] embed(MiniLmEncoder encoder, List<String> texts, boolean asPredicted) {
    String mode = asPredicted ? "predict-order-" + SentimentModel.MAX_BATCH : "sorted";
    String key =
        Checksums.sha256(
                (encoder.modelSha256() + "\n" + mode + "\n" + String.join("\n", texts))
                    .getBytes(StandardCharsets.UTF_8))
            .substring(0, 24);
    Path file = dir.resolve("minilm-" + key + ".f32");
    try {
      if (Files.isRegularFile(file)) {
        float[][] cached = read(file, texts.size());
        if (cached != null) {
          return cached;
        }
      }
      float[][] result = asPredicted ? inOrder(encoder, texts) : sorted(encoder, texts);
      Files.createDirectories(dir);
      Path tmp = dir.resolve(file.getFileName() + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(result.length);
        for (float[] row : result) {
          for (float v : row) {
            out.writeFloat(v);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("embedding cache " + dir + ": " + e.getMessage(), e);
    }
  }

  private static float[][] read(Path file, int rows) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != rows) {
        return null;
      }
      float[][] result = new float[rows][MiniLmEncoder.DIMENSION];
      for (float[] row : result) {
        for (int d = 0; d < row.length; d++) {
          row[d] = in.readFloat();
        }
      }
      return result;
    }
  }

  private static float[][] inOrder(MiniLmEncoder encoder, List<String> texts) {
    float[][] result = new float[texts.size()][];
    int batch = SentimentModel.MAX_BATCH;
    for (int start = 0; start < texts.size(); start += batch) {
      float[][] rows = encoder.embed(texts.subList(start, Math.min(texts.size(), start + batch)));
      System.arraycopy(rows, 0, result, start, rows.length);
    }
    return result;
  }

  /** Batches texts of similar length together so little time goes into padding. */
  private static float[][] sorted(MiniLmEncoder encoder, List<String> texts) {
    int[] order =
        IntStream.range(0, texts.size())
            .boxed()
            .sorted(Comparator.comparingInt(i -> texts.get(i).length()))
            .mapToInt(Integer::intValue)
            .toArray();
    float[][] result = new float[texts.size()][];
    for (int start = 0; start < order.length; start += SORTED_BATCH) {
      int end = Math.min(order.length, start + SORTED_BATCH);
      List<String> batch = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        batch.add(texts.get(order[i]));
      }
      float[][] rows = encoder.embed(batch);
      for (int i = start; i < end; i++) {
        result[order[i]] = rows[i - start];
      }
    }
    return result;
  }
}
