package io.aegntic.studio.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive for the Kafka broker JVM, which cuts its start from seconds of class
 * loading to about one. The first broker records the archive when it exits cleanly; later brokers
 * (of any stack on this machine with the same jars and JDK) map it. Kept in {@code
 * $STUDIO_CACHE_DIR} (default {@code ~/.cache/aegntic-studio}); a stale or broken archive is
 * ignored by the JVM, so deleting it is always safe.
 */
final class ClassDataCache {

  private final List<String> classpath;
  private final Path archive;
  private Path recording;

  ClassDataCache(List<String> classpath) {
    this.classpath = classpath;
    this.archive =
        StudioCache.dir().map(dir -> dir.resolve("kafka-" + key(classpath) + ".jsa")).orElse(null);
  }

  /** JVM options that map the archive, or record it when there is none yet. */
  List<String> jvmOptions(boolean mayRecord) {
    if (archive == null) {
      return List.of();
    }
    if (Files.isRegularFile(archive)) {
      return List.of("-XX:SharedArchiveFile=" + archive);
    }
    if (!mayRecord) {
      return List.of();
    }
    recording =
        archive.resolveSibling(
            archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    return List.of("-XX:ArchiveClassesAtExit=" + recording);
  }

  /** After the broker exited: keeps the recorded archive, if it wrote one. */
  void brokerExited() {
    if (recording == null) {
      return;
    }
    try {
      if (Files.isRegularFile(recording) && !Files.exists(archive) && usable(recording)) {
        Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.deleteIfExists(recording);
    } catch (IOException e) {
      // Only an optimisation: the next broker records it again.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recording = null;
  }

  /** True when a JVM insisting on sharing ({@code -Xshare:on}) accepts the archive. */
  private boolean usable(Path candidate) throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + candidate,
                "-cp",
                String.join(":", classpath),
                "-version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!check.waitFor(60, TimeUnit.SECONDS)) {
      check.destroyForcibly();
      return false;
    }
    return check.exitValue() == 0;
  }

  private static String key(List<String> classpath) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.join(":", classpath).getBytes(StandardCharsets.UTF_8));
      digest.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
      digest.update(System.getProperty("java.vm.version").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
