package io.aegntic.studio.serving.generation;

import reactor.core.publisher.Mono;

/**
 * Drafts a post for a platform. Implementations never signal an error for a provider failure: the
 * draft comes back with a failed {@link GenerationRecord} that says why.
 */
public interface DraftGenerator {

  /** The draft for {@code request}, within the platform's limits, with its generation record. */
  Mono<Draft> generate(DraftRequest request);
}
