package io.aegntic.studio.ingest.simulator;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link DemoActivity} at a configured rate of deliveries per second (more during a viral
 * burst) through a {@link WebhookSender}.
 */
public final class SimulatorLoop implements AutoCloseable {
  private static final long TICK_MS = 50;

  private final DemoActivity activity;
  private final WebhookSender sender;
  private final double perSecond;
  private final Clock clock = Clock.systemUTC();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "simulator-loop");
            t.setDaemon(true);
            return t;
          });
  private double owed;
  private volatile long generated;

  public SimulatorLoop(DemoActivity activity, WebhookSender sender, double perSecond) {
    this.activity = activity;
    this.sender = sender;
    this.perSecond = perSecond;
  }

  public SimulatorLoop start() {
    ticker.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    try {
      owed += perSecond * activity.burstFactor(clock.instant()) * TICK_MS / 1000.0;
      // Bounded: a slow ingest does not make the simulator pile up unbounded work.
      while (owed >= 1 && sender.pending() < 2_000) {
        owed -= 1;
        sender.send(activity.next(clock.instant()));
        generated++;
      }
      owed = Math.min(owed, perSecond);
    } catch (RuntimeException e) {
      System.err.println("simulator: could not generate a delivery: " + e);
    }
  }

  /** Deliveries generated so far. */
  public long generated() {
    return generated;
  }

  /** Stops generating; deliveries already handed to the sender keep retrying. */
  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
