package io.aegntic.studio.ml.sentiment;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/** Pads a batch of encodings to its longest row, runs MiniLM, and mean-pools over real tokens. */
final class PoolingTranslator implements Translator<Encoding[], float[][]> {
  private static final String MASK = "mask";

  /** The batch is already one padded tensor; DJL must not stack it again. */
  @Override
  public Batchifier getBatchifier() {
    return null;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, Encoding[] batch) {
    int rows = batch.length;
    int width = 1;
    for (Encoding e : batch) {
      width = Math.max(width, e.getIds().length);
    }
    long[] ids = new long[rows * width];
    long[] mask = new long[rows * width];
    long[] types = new long[rows * width];
    for (int r = 0; r < rows; r++) {
      long[] rowIds = batch[r].getIds();
      long[] rowMask = batch[r].getAttentionMask();
      long[] rowTypes = batch[r].getTypeIds();
      System.arraycopy(rowIds, 0, ids, r * width, rowIds.length);
      System.arraycopy(rowMask, 0, mask, r * width, rowMask.length);
      System.arraycopy(rowTypes, 0, types, r * width, rowTypes.length);
    }
    ctx.setAttachment(MASK, mask);
    NDManager manager = ctx.getNDManager();
    Shape shape = new Shape(rows, width);
    NDArray idArray = manager.create(ids, shape);
    idArray.setName("input_ids");
    NDArray maskArray = manager.create(mask, shape);
    maskArray.setName("attention_mask");
    NDArray typeArray = manager.create(types, shape);
    typeArray.setName("token_type_ids");
    return new NDList(idArray, maskArray, typeArray);
  }

  @Override
  public float[][] processOutput(TranslatorContext ctx, NDList output) {
    NDArray hidden = output.get(0);
    Shape shape = hidden.getShape();
    int rows = (int) shape.get(0);
    int width = (int) shape.get(1);
    int dim = (int) shape.get(2);
    float[] values = hidden.toFloatArray();
    long[] mask = (long[]) ctx.getAttachment(MASK);
    float[][] pooled = new float[rows][dim];
    for (int r = 0; r < rows; r++) {
      float[] out = pooled[r];
      int tokens = 0;
      for (int t = 0; t < width; t++) {
        if (mask[r * width + t] == 0) {
          continue;
        }
        tokens++;
        int base = (r * width + t) * dim;
        for (int d = 0; d < dim; d++) {
          out[d] += values[base + d];
        }
      }
      double norm = 0;
      for (int d = 0; d < dim; d++) {
        out[d] /= Math.max(tokens, 1);
        norm += out[d] * out[d];
      }
      float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
      for (int d = 0; d < dim; d++) {
        out[d] *= scale;
      }
    }
    return pooled;
  }
}
