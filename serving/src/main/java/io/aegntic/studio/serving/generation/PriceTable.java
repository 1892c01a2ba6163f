package io.aegntic.studio.serving.generation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Estimated model prices in USD per million input and output tokens, for the cost recorded with a
 * generation. Defaults are list prices at the time of writing; {@code studio.generation.prices}
 * ("model=input/output,...") adds or overrides entries. Unknown models have no cost estimate.
 */
public final class PriceTable {
  /** Price of one model in USD per million tokens. */
  public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}

  static final Map<String, Price> DEFAULTS =
      Map.of(
          "gpt-4o-mini", price("0.15", "0.60"),
          "gpt-4o", price("2.50", "10.00"),
          "gpt-4.1-mini", price("0.40", "1.60"),
          "claude-3-5-haiku-latest", price("0.80", "4.00"),
          "claude-haiku-4-5", price("1.00", "5.00"),
          "claude-sonnet-4-5", price("3.00", "15.00"));

  private final Map<String, Price> prices;

  public PriceTable(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The defaults with {@code spec} ("model=in/out,model=in/out") applied on top. */
  public static PriceTable parse(String spec) {
    Map<String, Price> prices = new HashMap<>(DEFAULTS);
    if (spec != null && !spec.isBlank()) {
      for (String entry : spec.split(",")) {
        String[] kv = entry.strip().split("=", 2);
        String[] io = kv.length == 2 ? kv[1].split("/", 2) : new String[0];
        if (io.length != 2) {
          throw new IllegalArgumentException(
              "studio.generation.prices: expected model=input/output, got '" + entry + "'");
        }
        try {
          prices.put(kv[0].strip(), price(io[0].strip(), io[1].strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "studio.generation.prices: bad price in '" + entry + "'");
        }
      }
    }
    return new PriceTable(prices);
  }

  /** Estimated cost, or null when the model or the token counts are unknown. */
  public BigDecimal cost(String model, Integer inputTokens, Integer outputTokens) {
    Price p = model == null ? null : prices.get(model);
    if (p == null || inputTokens == null || outputTokens == null) {
      return null;
    }
    BigDecimal micros =
        p.inputPerMillion()
            .multiply(BigDecimal.valueOf(inputTokens))
            .add(p.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)));
    return micros.divide(BigDecimal.valueOf(1_000_000), 8, RoundingMode.HALF_UP);
  }

  private static Price price(String in, String out) {
    return new Price(new BigDecimal(in), new BigDecimal(out));
  }
}
