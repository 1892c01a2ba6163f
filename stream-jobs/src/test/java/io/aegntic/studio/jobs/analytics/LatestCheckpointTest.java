package io.aegntic.studio.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTest {
  @TempDir Path dir;

  @Test
  void picksTheNewestCompletedCheckpointOfAnyJob() throws Exception {
    Path old = Files.createDirectories(dir.resolve("job-a/chk-7"));
    Path newest = Files.createDirectories(dir.resolve("job-b/chk-2"));
    Files.createDirectories(dir.resolve("job-b/chk-3")); // in progress: no _metadata yet
    Files.writeString(old.resolve("_metadata"), "x");
    Files.writeString(newest.resolve("_metadata"), "x");
    Files.setLastModifiedTime(old.resolve("_metadata"), FileTime.fromMillis(1_000));
    Files.setLastModifiedTime(newest.resolve("_metadata"), FileTime.fromMillis(2_000));

    assertThat(LatestCheckpoint.under(dir.toUri().toString())).contains(newest);
    assertThat(LatestCheckpoint.under(dir.resolve("none").toString())).isEmpty();
  }
}
