package io.aegntic.studio.ingest.publish;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link KafkaPublisherProperties} for tests, bound as Boot binds them: the record's own defaults,
 * with the given {@code studio.ingest.kafka.*} settings over them, so no test keeps a copy of the
 * defaults.
 */
public final class PublisherSettings {
  private PublisherSettings() {}

  /** The defaults with another bootstrap. */
  public static KafkaPublisherProperties defaults(String bootstrap) {
    return with(bootstrap, Map.of());
  }

  /** {@code settings} by their names under {@code studio.ingest.kafka}, e.g. {@code linger}. */
  public static KafkaPublisherProperties with(String bootstrap, Map<String, String> settings) {
    Map<String, String> source = new HashMap<>();
    settings.forEach((name, value) -> source.put("studio.ingest.kafka." + name, value));
    source.put("studio.ingest.kafka.bootstrap", bootstrap);
    return new Binder(new MapConfigurationPropertySource(source))
        .bindOrCreate("studio.ingest.kafka", KafkaPublisherProperties.class);
  }
}
