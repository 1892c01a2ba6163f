package io.aegntic.studio.ingest.bench;

import java.util.Arrays;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.netty.DisposableServer;

/**
 * The main of a {@link ServerProcess}: {@code bare} runs {@link IngestBenchmark#bareServer()},
 * {@code ingest <bootstrap> [options]} {@link IngestBenchmark#startIngest}. Prints {@code PORT n}
 * once it listens, and exits when the benchmark that started it has gone, however it ended.
 */
public final class BenchServer {
  static final String PORT_LINE = "PORT ";

  private BenchServer() {}

  public static void main(String[] args) throws InterruptedException {
    exitWithParent();
    if (args.length > 0 && args[0].equals("bare")) {
      DisposableServer server = IngestBenchmark.bareServer();
      System.out.println(PORT_LINE + server.port());
      server.onDispose().block();
    } else if (args.length > 1 && args[0].equals("ingest")) {
      ConfigurableApplicationContext app =
          IngestBenchmark.startIngest(args[1], Arrays.copyOfRange(args, 2, args.length));
      System.out.println(PORT_LINE + app.getEnvironment().getProperty("local.server.port"));
      Thread.currentThread().join();
    } else {
      throw new IllegalArgumentException("usage: BenchServer bare | ingest <bootstrap> [options]");
    }
  }

  /** A benchmark stopped by {@code timeout -s KILL} runs no shutdown hook that could stop us. */
  private static void exitWithParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(() -> new Thread(() -> System.exit(0)).start()));
  }
}
