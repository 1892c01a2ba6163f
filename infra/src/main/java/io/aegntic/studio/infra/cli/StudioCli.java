package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.StackException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code ./studio} launcher's Java side: {@code up [--detach] [--no-demo]}, {@code status},
 * {@code down}, {@code reset}, {@code tail <topic>}. Problems the user can fix are printed as one
 * clear message (no stack trace) with exit code 1.
 */
public final class StudioCli {

  private StudioCli() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(Arrays.asList(args), System.out);
    } catch (StackException e) {
      System.err.println("studio: " + e.getMessage());
      code = 1;
    }
    System.exit(code);
  }

  static int run(List<String> args, PrintStream out) {
    if (args.isEmpty()) {
      out.print(usage());
      return 2;
    }
    StudioEnvironment env = StudioEnvironment.fromSystem();
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "up":
        return new UpCommand(env, out).run(rest);
      case "status":
        return new StatusCommand(env, out).run();
      case "down":
        return new DownCommand(env, out).run();
      case "reset":
        return new DownCommand(env, out).reset();
      case "tail":
        return new TailCommand(env, out).run(rest);
      case "help":
      case "--help":
      case "-h":
        out.print(usage());
        return 0;
      default:
        out.print("Unknown command: " + args.get(0) + "\n" + usage());
        return 2;
    }
  }

  static String usage() {
    return """
        Usage: ./studio <command>
          up [--detach] [--no-demo]  build what is missing, start the stack and every built
                                     service, print their addresses; Ctrl-C stops everything
                                     (--detach: return once all is healthy)
          status                     health of each part (exit 0 only when all are healthy)
          down                       stop what up started
          reset                      stop, then delete the data folder (all local data)
          logs [part] [-f]           show the logs (kafka, postgres, influxdb, a service, studio)
          tail events|metrics|rules|triggers|dlq
                                     print records of that topic as they arrive
          test [maven args]          install what the tests need, then mvn -B verify
          ml ... / bench ...         the ml-models CLI / the benchmarks
        """;
  }
}
