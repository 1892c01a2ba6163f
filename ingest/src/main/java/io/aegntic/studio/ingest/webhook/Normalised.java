package io.aegntic.studio.ingest.webhook;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.StudioEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What one verified delivery turned into: events to publish and items for the dead-letter topic.
 */
public record Normalised(List<StudioEvent> events, List<DeadLetter> deadLetters) {
  public Normalised {
    events = List.copyOf(events);
    deadLetters = List.copyOf(deadLetters);
  }

  /** Collects events and dead letters while a payload is walked. */
  public static final class Builder {
    private final List<StudioEvent> events = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    public Builder event(StudioEvent event) {
      events.add(event);
      return this;
    }

    public Builder deadLetter(DeadLetter letter) {
      deadLetters.add(letter);
      return this;
    }

    public Normalised build() {
      return new Normalised(events, deadLetters);
    }
  }
}
