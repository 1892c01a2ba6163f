package io.aegntic.studio.jobs.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that passes records to another and, once per {@code runId} in this JVM, fails the task
 * mid-stream: after {@code failAfter} records, once a checkpoint is complete on disk, so the
 * restart restores from a real checkpoint. Pair it with a slow source ({@link SlowEvents}) so the
 * stream lasts several checkpoints.
 */
final class FailOnceSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
  private final Sink<T> delegate;
  private final String runId;
  private final int failAfter;
  private final String checkpointDir;

  FailOnceSink(Sink<T> delegate, String runId, int failAfter, Path checkpointDir) {
    this.delegate = delegate;
    this.runId = runId;
    this.failAfter = failAfter;
    this.checkpointDir = checkpointDir.toString();
  }

  static boolean failed(String runId) {
    return FAILED.contains(runId);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    SinkWriter<T> writer = delegate.createWriter(context);
    return new SinkWriter<>() {
      private int written;

      @Override
      public void write(T element, Context ctx) throws IOException, InterruptedException {
        writer.write(element, ctx);
        written++;
        failIfDue();
      }

      @Override
      public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writer.flush(endOfInput);
        if (!endOfInput) {
          failIfDue(); // before a later checkpoint's barrier, if no record came since
        }
      }

      private void failIfDue() throws IOException {
        if (written >= failAfter && completedCheckpoint() && FAILED.add(runId)) {
          throw new IOException("injected failure after " + written + " records");
        }
      }

      @Override
      public void close() throws Exception {
        writer.close();
      }
    };
  }

  private boolean completedCheckpoint() {
    try (Stream<Path> files = Files.walk(Path.of(checkpointDir))) {
      return files.anyMatch(p -> p.getFileName().toString().equals("_metadata"));
    } catch (IOException | UncheckedIOException e) {
      return false; // Flink removed a subsumed checkpoint while we looked: look again
    }
  }
}
