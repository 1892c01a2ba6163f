package io.aegntic.studio.jobs.common;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A test sink that keeps what a job on the in-JVM MiniCluster wrote, per sink instance, so a test
 * can assert on it after {@code execute()} returns.
 */
public final class CollectingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<Object>> COLLECTED = new ConcurrentHashMap<>();
  private final String id = UUID.randomUUID().toString();

  private CollectingSink() {}

  public static <T> CollectingSink<T> create() {
    CollectingSink<T> sink = new CollectingSink<>();
    COLLECTED.put(sink.id, new CopyOnWriteArrayList<>());
    return sink;
  }

  /** What the job wrote, in arrival order. */
  @SuppressWarnings("unchecked")
  public List<T> values() {
    return (List<T>) List.copyOf(COLLECTED.get(id));
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    List<Object> target = COLLECTED.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        target.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
