package io.aegntic.studio.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Fresh data folders for tests that start stacks of their own, under the module's target/. */
final class StackDirs {

  private StackDirs() {}

  static Path fresh(String name) throws IOException {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "it-stacks");
    Files.createDirectories(root);
    return root.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }
}
