package io.aegntic.studio.ingest.webhook;

import io.aegntic.studio.events.DeadLetter;
import io.aegntic.studio.events.EventIds;
import io.aegntic.studio.events.Platform;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every normaliser needs besides the payload: the account -> creator map, actor hashing and
 * dead-letter construction.
 */
public final class WebhookContext {
  /** Dead letters keep the original bytes for replay, unless that would exceed a Kafka record. */
  private static final int MAX_DEAD_LETTER_BODY = 512 * 1024;

  private final Map<String, Map<String, String>> accounts;
  private final String salt;

  public WebhookContext(Map<String, Map<String, String>> accounts, String salt) {
    Map<String, Map<String, String>> copy = new HashMap<>();
    accounts.forEach(
        (platform, map) -> copy.put(platform.toLowerCase(Locale.ROOT), Map.copyOf(map)));
    this.accounts = Map.copyOf(copy);
    this.salt = salt == null ? "" : salt;
  }

  /** The creator a platform account belongs to, if it is connected. */
  public Optional<String> creatorFor(Platform platform, String accountId) {
    if (accountId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(accounts.getOrDefault(platform.id(), Map.of()).get(accountId));
  }

  /** The accounts mapped for a platform (account id -> creatorId). */
  public Map<String, String> accounts(Platform platform) {
    return accounts.getOrDefault(platform.id(), Map.of());
  }

  /** A hashed actor id, or null when the platform did not say who acted. */
  public String actor(Platform platform, String rawUserId) {
    return rawUserId == null || rawUserId.isBlank()
        ? null
        : EventIds.actor(platform, rawUserId, salt);
  }

  /** A dead letter for an authentic webhook item that could not be turned into events. */
  public DeadLetter deadLetter(
      Platform platform, String reason, String detail, byte[] original, Instant receivedAt) {
    String body = null;
    if (original != null && original.length <= MAX_DEAD_LETTER_BODY) {
      body = Base64.getEncoder().encodeToString(original);
    }
    return new DeadLetter(
        "webhook", platform == null ? null : platform.id(), reason, detail, receivedAt, body);
  }
}
