package io.aegntic.studio.ingest.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs each platform's poller on a thread of its own (blocking HTTP and database calls stay off the
 * web server's event loop): every tick, a cycle for each active connection of the platform.
 */
public final class PollScheduler implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);
  private final Map<String, PlatformPoller> pollers = new LinkedHashMap<>();
  private final Map<String, RateLimiter> limiters;
  private final PollSession.PollServices services;
  private ScheduledExecutorService executor;
  private final Map<String, String> lastFailure = new java.util.concurrent.ConcurrentHashMap<>();

  PollScheduler(
      List<PlatformPoller> pollers,
      Map<String, RateLimiter> limiters,
      PollSession.PollServices services) {
    pollers.forEach(p -> this.pollers.put(p.platform().id(), p));
    this.limiters = limiters;
    this.services = services;
  }

  /** One cycle of every active connection of the platform, on the caller's thread. */
  public void runOnce(String platform) {
    PlatformPoller poller = pollers.get(platform);
    RateLimiter limiter = limiters.get(platform);
    if (limiter.paused()) {
      return;
    }
    for (Connection c : services.connections().active(platform)) {
      try {
        poller.poll(new PollSession(poller, services, limiter, c));
      } catch (RateLimiter.Paused e) {
        return;
      } catch (PollException e) {
        log.warn("poll of {} stopped: {}", c, e.getMessage());
      } catch (RuntimeException e) {
        log.warn("poll of {} failed", c, e);
      }
    }
  }

  public List<RateLimiter.Status> status() {
    return limiters.values().stream().map(RateLimiter::status).toList();
  }

  @Override
  public synchronized void start() {
    if (!services.properties().autoStart() || executor != null) {
      return;
    }
    executor =
        Executors.newScheduledThreadPool(
            pollers.size(),
            r -> {
              Thread t = new Thread(r, "poller");
              t.setDaemon(true);
              return t;
            });
    long tick = services.properties().tick().toMillis();
    pollers
        .keySet()
        .forEach(
            p -> executor.scheduleWithFixedDelay(() -> tick(p), tick, tick, TimeUnit.MILLISECONDS));
    log.info("pollers started for {} (tick {})", pollers.keySet(), services.properties().tick());
  }

  private void tick(String platform) {
    try {
      runOnce(platform);
      if (lastFailure.remove(platform) != null) {
        log.info("poll ticks of {} work again", platform);
      }
    } catch (RuntimeException e) {
      // e.g. serving has not created platform_connections yet: try again next tick, log once.
      String message = String.valueOf(e.getMessage());
      if (!message.equals(lastFailure.put(platform, message))) {
        log.warn("poll tick of {} failed (retried every tick): {}", platform, message);
      }
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
