package io.aegntic.studio.ingest.publish;

import io.aegntic.studio.events.EventPayload;
import io.aegntic.studio.events.EventType;
import io.aegntic.studio.events.Platform;
import io.aegntic.studio.events.StudioEvent;
import java.time.Instant;
import java.util.List;

/** Comment events of one test creator, with ids the tests can look for on the topic. */
record Comments(String creator) {

  StudioEvent comment(String n, String text) {
    Instant now = Instant.now();
    return StudioEvent.of(
        id(n),
        EventType.COMMENT,
        Platform.X,
        creator,
        "post-1",
        "actor-1",
        now,
        now,
        new EventPayload.Comment("c-" + n, text, null, List.of()));
  }

  String id(String n) {
    return creator + "-" + n;
  }
}
