package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.ChildProcesses;
import io.aegntic.studio.infra.LogFiles;
import io.aegntic.studio.infra.StackException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up}: in the foreground, runs a {@link Supervisor} until Ctrl-C; with {@code --detach},
 * starts the same supervisor as a background process of its own session ({@code up --supervised}),
 * echoes its progress and returns once everything is healthy.
 */
final class UpCommand {

  private static final Set<String> FLAGS = Set.of("--detach", "--no-demo", "--supervised");

  private final StudioEnvironment env;
  private final PrintStream out;

  UpCommand(StudioEnvironment env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  int run(List<String> args) {
    for (String arg : args) {
      if (!FLAGS.contains(arg)) {
        throw new StackException("up: unknown option " + arg + " (use --detach, --no-demo)");
      }
    }
    boolean demo = !args.contains("--no-demo");
    StateFiles state = new StateFiles(env.stateDir());
    Optional<ProcessHandle> running = state.supervisor();
    if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
      out.println(
          "Already running (pid "
              + running.get().pid()
              + "). `./studio status` shows its health; `./studio down` stops it.");
      return state.ready().isPresent() ? 0 : 1;
    }
    if (args.contains("--detach")) {
      return detach(demo, state);
    }
    return foreground(demo, args.contains("--supervised"));
  }

  private int foreground(boolean demo, boolean supervised) {
    Supervisor supervisor = new Supervisor(env, demo, out);
    Thread hook =
        new Thread(
            () -> {
              out.println("Stopping...");
              supervisor.stop();
              out.println("Stopped.");
              out.flush();
            },
            "studio-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      supervisor.start();
    } catch (RuntimeException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      supervisor.stop();
      throw e;
    }
    if (!supervised) {
      out.println("Running. Press Ctrl-C to stop everything.");
    }
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private int detach(boolean demo, StateFiles state) {
    Path log = env.settings().logsDir().resolve("studio.log");
    long offset = LogFiles.size(log);
    Process supervisor;
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(supervisorCommand(demo));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      supervisor = builder.start();
    } catch (IOException e) {
      throw new StackException("Could not start the stack in the background: " + e.getMessage());
    }
    while (true) {
      offset = echo(log, offset);
      boolean ready =
          state.ready().isPresent()
              && state.supervisor().map(p -> p.pid() == supervisor.pid()).orElse(false);
      if (ready) {
        echo(log, offset);
        out.println("Running in the background. `./studio down` stops everything.");
        return 0;
      }
      if (!supervisor.isAlive()) {
        echo(log, offset);
        return 1;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
  }

  private List<String> supervisorCommand(boolean demo) {
    List<String> command = new ArrayList<>();
    ChildProcesses.executable("setsid").ifPresent(p -> command.add(p.toString()));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(StudioCli.class.getName(), "up", "--supervised"));
    if (!demo) {
      command.add("--no-demo");
    }
    return command;
  }

  /** Prints what the log gained since {@code offset}; returns the new offset. */
  private long echo(Path log, long offset) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      if (length <= offset) {
        return offset;
      }
      byte[] bytes = new byte[(int) (length - offset)];
      file.seek(offset);
      file.readFully(bytes);
      out.write(bytes);
      out.flush();
      return length;
    } catch (IOException e) {
      return offset;
    }
  }
}
