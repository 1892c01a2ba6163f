package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.EventJson;
import io.aegntic.studio.events.MetricUpdate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The analytics benchmark's clock. It starts when every task of the job is RUNNING (Flink switches
 * a task to RUNNING only after its operators are open, the sentiment model loaded) and the source
 * is let through; it stops when the last sink writer has flushed its last record into InfluxDB at
 * the end of the input (before the final checkpoint and the job's shutdown, which are not
 * throughput). Same JVM as the MiniCluster, hence the statics.
 */
final class BenchClock {
  private static volatile CountDownLatch open = new CountDownLatch(1);

  /** Taken when the gate opened; null until then. */
  static volatile Stamp started;

  /** Taken at the latest end-of-input flush of any sink writer; null until one. */
  static final java.util.concurrent.atomic.AtomicReference<Stamp> LAST_FLUSH =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** Events through the gate so far, and the stamp taken when the {@code markAt}-th passed. */
  static final AtomicLong PASSED = new AtomicLong();

  private static volatile long markAt = Long.MAX_VALUE;
  static volatile Stamp mark;

  private BenchClock() {}

  /** Wall clock, process CPU, JIT and GC time at one moment. */
  record Stamp(long nanos, long cpuNanos, long jitMillis, long gcMillis) {
    static Stamp now() {
      return new Stamp(
          System.nanoTime(), BenchClock.cpuNanos(), BenchClock.jitMillis(), BenchClock.gcMillis());
    }
  }

  /** The last end-of-input flush, or now if no sink writer flushed at the end of its input. */
  static Stamp flushedOrNow() {
    Stamp flushed = LAST_FLUSH.get();
    return flushed == null ? Stamp.now() : flushed;
  }

  /** Takes {@link #mark} when the {@code events}-th event passes the gate (0: never). */
  static void markAfter(long events) {
    markAt = events > 0 ? events : Long.MAX_VALUE;
  }

  /** A closed gate and a stopped clock, for the next job of the same JVM. */
  static void reset() {
    open = new CountDownLatch(1);
    PASSED.set(0);
    mark = null;
    markAt = Long.MAX_VALUE;
    started = null;
    LAST_FLUSH.set(null);
  }

  /** Waits until the job's tasks all run, then opens the gate and starts the clock. */
  static void startWhenRunning(int restPort, String jobId, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    URI uri = URI.create("http://127.0.0.1:" + restPort + "/jobs/" + jobId);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200 && allRunning(r.body())) {
        started = Stamp.now();
        open.countDown();
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the job's tasks were not all RUNNING within " + timeout);
  }

  private static boolean allRunning(String json) throws IOException {
    var counts = EventJson.mapper().readTree(json).path("status-counts");
    int running = counts.path("RUNNING").asInt();
    int other = 0;
    for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = counts.fields();
        it.hasNext(); ) {
      var e = it.next();
      if (!e.getKey().equals("RUNNING")) {
        other += e.getValue().asInt();
      }
    }
    return running > 0 && other == 0;
  }

  /** CPU time of this whole process (all threads): what a loaded machine cannot distort. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time the JIT compiler threads used so far (ms): on a cold JVM, and for the first events of
   * a new job, a large part of the CPU, paid by the job and the raw consumer alike. Read from
   * /proc/self/task on Linux; elsewhere the compilers' elapsed time (which on a busy machine also
   * counts the time a compiler thread waited for a core).
   */
  static long jitMillis() {
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return java.lang.management.ManagementFactory.getCompilationMXBean()
          .getTotalCompilationTime();
    }
    long ticks = 0;
    for (java.io.File task : tasks) {
      try {
        if (java.nio.file.Files.readString(task.toPath().resolve("comm"))
            .contains("CompilerThre")) {
          String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
          // Fields after the ")" that closes the thread name: utime and stime are the 12th and
          // 13th.
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
      } catch (IOException | RuntimeException gone) {
        // the thread ended between the listing and the read
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  }

  /** Time spent in garbage collections so far (ms). */
  static long gcMillis() {
    long total = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** The job's deserializer behind the gate. */
  static final class Gated implements KafkaRecordDeserializationSchema<Incoming> {
    private static final long serialVersionUID = 1L;
    private final EventDeserializer inner = new EventDeserializer();
    private transient boolean open;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Incoming> out)
        throws IOException {
      if (!open) {
        try {
          if (!BenchClock.open.await(10, TimeUnit.MINUTES)) {
            throw new IOException("the benchmark never opened the gate");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted at the gate", e);
        }
        open = true;
      }
      inner.deserialize(record, out);
      if (PASSED.incrementAndGet() == markAt) {
        mark = Stamp.now();
        // Wall clock, to cut a profile (BENCH_JFR) to the steady stretch.
        System.out.printf("steady stretch starts at %s%n", java.time.Instant.now());
      }
    }

    @Override
    public TypeInformation<Incoming> getProducedType() {
      return inner.getProducedType();
    }
  }

  /** A sink that notes when its writer flushed at the end of the input. */
  static final class Timed implements Sink<MetricUpdate> {
    private static final long serialVersionUID = 1L;
    private final Sink<MetricUpdate> inner;

    Timed(Sink<MetricUpdate> inner) {
      this.inner = inner;
    }

    @Override
    public SinkWriter<MetricUpdate> createWriter(WriterInitContext context) throws IOException {
      SinkWriter<MetricUpdate> writer = inner.createWriter(context);
      return new SinkWriter<>() {
        @Override
        public void write(MetricUpdate element, Context ctx)
            throws IOException, InterruptedException {
          writer.write(element, ctx);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
          writer.flush(endOfInput);
          if (endOfInput) {
            Stamp now = Stamp.now();
            LAST_FLUSH.accumulateAndGet(
                now, (last, next) -> last == null || next.nanos() > last.nanos() ? next : last);
          }
        }

        @Override
        public void close() throws Exception {
          writer.close();
        }
      };
    }
  }
}
