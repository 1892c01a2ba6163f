package io.aegntic.studio.jobs.automation;

import io.aegntic.studio.events.AutomationRule;
import io.aegntic.studio.events.EventFormatException;
import io.aegntic.studio.events.EventJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rules from the global rules store (raw JSON by ruleId), parsing each version once. The
 * store is read on every call, so an update or a delete is seen by the next metric update.
 */
final class RuleBook {
  private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

  private record Parsed(byte[] raw, AutomationRule rule) {}

  private Map<String, Parsed> cache = new HashMap<>();

  /** The readable rules of one creator, enabled or not. */
  List<AutomationRule> forCreator(ReadOnlyKeyValueStore<String, byte[]> store, String creatorId) {
    List<AutomationRule> rules = new ArrayList<>();
    Map<String, Parsed> next = new HashMap<>();
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        Parsed parsed = parse(entry.key, entry.value);
        next.put(entry.key, parsed);
        if (parsed.rule() != null && parsed.rule().creatorId().equals(creatorId)) {
          rules.add(parsed.rule());
        }
      }
    }
    cache = next;
    return rules;
  }

  /** One rule by id, or null when it does not exist (deleted) or cannot be read. */
  AutomationRule get(ReadOnlyKeyValueStore<String, byte[]> store, String ruleId) {
    byte[] raw = store.get(ruleId);
    return raw == null ? null : parse(ruleId, raw).rule();
  }

  private Parsed parse(String ruleId, byte[] raw) {
    Parsed known = cache.get(ruleId);
    if (known != null && Arrays.equals(known.raw(), raw)) {
      return known;
    }
    AutomationRule rule = null;
    try {
      rule = EventJson.read(raw, AutomationRule.class);
      if (!rule.ruleId().equals(ruleId)) {
        LOG.warn(
            "rule record key {} differs from its ruleId {}; ignoring it", ruleId, rule.ruleId());
        rule = null;
      }
    } catch (EventFormatException e) {
      LOG.warn("ignoring unreadable rule {}: {}", ruleId, e.getMessage());
    }
    Parsed parsed = new Parsed(raw, rule);
    cache.put(ruleId, parsed);
    return parsed;
  }
}
