package io.aegntic.studio.serving.stream;

/**
 * Where features publish alerts for creators' live streams. Delivery is in-memory, to the streams
 * open on this instance (and to their bounded replay buffer); it never blocks the caller.
 */
public interface AlertBus {
  void publish(Alert alert);
}
