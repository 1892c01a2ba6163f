package io.aegntic.studio.jobs.analytics;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventJson;
import java.time.Instant;
import java.util.Base64;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Makes a contribution that arrived after its window's allowed lateness visible on the dead-letter
 * topic (reason {@code too_late}), so it is counted and can be inspected instead of vanishing.
 */
final class TooLateToDeadLetter implements MapFunction<Contribution, DeadLetter> {
  private static final long serialVersionUID = 1L;

  @Override
  public DeadLetter map(Contribution c) {
    return new DeadLetter(
        EventDeserializer.SOURCE,
        c.platform().id(),
        "too_late",
        c.kind().name().toLowerCase()
            + " x"
            + c.amount()
            + " of creator "
            + c.creatorId()
            + " at "
            + Instant.ofEpochMilli(c.timestamp())
            + " arrived after its window's allowed lateness",
        Instant.now(),
        Base64.getEncoder().encodeToString(EventJson.write(c)));
  }
}
