package io.aegntic.studio.ml.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads model files from the classpath and fails with a message naming a missing one. */
final class ModelResources {
  private ModelResources() {}

  static byte[] read(String resource) {
    ClassLoader loader = ModelResources.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelLoadException(
            "model file '" + resource + "' is not on the classpath (missing from the jar?)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model file '" + resource + "'", e);
    }
  }
}
