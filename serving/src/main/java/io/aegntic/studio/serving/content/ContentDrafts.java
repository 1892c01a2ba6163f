package io.aegntic.studio.serving.content;

import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Stores drafts that serving produced itself (rule actions, the generation endpoint) in a creator's
 * library. Callers pass a creator id they already scoped (from a verified token or a trigger keyed
 * by creator); platform limits are checked as for hand-written items.
 */
@Service
public class ContentDrafts {
  private final ContentStore store;

  ContentDrafts(ContentStore store) {
    this.store = store;
  }

  /** A saved draft's id and creator. */
  public record Saved(java.util.UUID id, String creatorId) {}

  /** Saves a draft; {@code source} is {@code generated} or {@code template}. */
  public Mono<Saved> save(
      String creatorId,
      String title,
      String body,
      String platform,
      String type,
      List<String> hashtags,
      String source) {
    ContentApi.ItemRequest request =
        new ContentApi.ItemRequest(creatorId, title, body, platform, type, "draft", hashtags);
    return Mono.fromRunnable(() -> PlatformLimits.check(request))
        .then(store.insert(creatorId, request, source))
        .map(item -> new Saved(item.id(), item.creatorId()));
  }
}
