package io.aegntic.studio.events;

import java.util.regex.Pattern;

/** An amount in minor units (cents) with its ISO 4217 currency, as Stripe sends it. */
public record Money(long amountMinor, String currency) {
  private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

  public Money {
    Require.text(currency, "currency");
    currency = currency.toUpperCase(java.util.Locale.ROOT);
    if (!ISO.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency must be a 3-letter ISO 4217 code: " + currency);
    }
  }
}
