package io.aegntic.studio.ml.sentiment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The head's file format: gzip of a magic string, a version, the encoder's SHA-256, the shape, the
 * float arrays, then a CRC32 of all that, so a truncated or altered file is refused at load.
 */
final class HeadFile {
  static final String MAGIC = "AEGNTIC-SENTIMENT-HEAD";
  static final int VERSION = 1;

  private HeadFile() {}

  static void write(SentimentHead head, Path file) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(body)) {
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(head.encoderSha256);
        out.writeInt(head.hidden);
        out.writeInt(head.hashBits);
        for (float[] a :
            new float[][] {
              head.mean, head.std, head.w1, head.b1, head.w2, head.b2, head.ws, head.offsets
            }) {
          writeArray(out, a);
        }
      }
      byte[] bytes = body.toByteArray();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = parent.resolve(file.getFileName() + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp)))) {
        out.write(bytes);
        out.writeLong(crc.getValue());
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sentiment head " + file, e);
    }
  }

  /** Parses a head; {@code name} is used in error messages. */
  static SentimentHead read(byte[] gzipped, String name) {
    byte[] all;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      all = in.readAllBytes();
    } catch (IOException e) {
      throw new ModelLoadException("damaged model file '" + name + "': not a gzip stream", e);
    }
    if (all.length < 8) {
      throw new ModelLoadException("damaged model file '" + name + "': truncated");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
      throw new ModelLoadException("damaged model file '" + name + "': checksum mismatch");
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new ModelLoadException("model file '" + name + "' is not a sentiment head");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new ModelLoadException(
            "model file '" + name + "' has format version " + version + ", expected " + VERSION);
      }
      String sha = in.readUTF();
      int hidden = in.readInt();
      int hashBits = in.readInt();
      float[][] a = new float[8][];
      for (int i = 0; i < a.length; i++) {
        a[i] = readArray(in);
      }
      checkShape(name, hidden, hashBits, a);
      return new SentimentHead(
          sha, hidden, hashBits, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ModelLoadException m) {
        throw m;
      }
      throw new ModelLoadException("damaged model file '" + name + "': " + e.getMessage(), e);
    }
  }

  private static void checkShape(String name, int hidden, int hashBits, float[][] a) {
    int dim = MiniLmEncoder.DIMENSION;
    int width = hidden > 0 ? hidden : dim;
    boolean ok =
        a[0] != null
            && a[0].length == dim
            && a[1] != null
            && a[1].length == dim
            && a[2] != null
            && a[2].length == hidden * dim
            && a[3] != null
            && a[3].length == hidden
            && a[4] != null
            && a[4].length == 3 * width
            && a[5] != null
            && a[5].length == 3
            && (hashBits == 0 ? a[6] == null : a[6] != null && a[6].length == 3 << hashBits)
            && a[7] != null
            && a[7].length == 3;
    if (!ok) {
      throw new ModelLoadException("damaged model file '" + name + "': array shapes do not match");
    }
  }

  private static void writeArray(DataOutputStream out, float[] a) throws IOException {
    if (a == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(a.length);
    for (float v : a) {
      out.writeFloat(v);
    }
  }

  private static float[] readArray(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readFloat();
    }
    return a;
  }
}
