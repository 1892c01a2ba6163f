package io.aegntic.studio.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fast path for the form {@link EventJson} writes times in, {@code
 * yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, and for the same UTC time written with {@code +00:00} (as
 * YouTube's feeds do): the JDK's formatter-based parse costs more than the rest of an event.
 * Anything else is left to the caller's own parser (null here), which also reports what is wrong.
 * Public for ingest, whose platforms send UTC times too.
 */
public final class IsoInstants {
  private IsoInstants() {}

  /** The instant, or null when {@code s} is not in the form above (or no valid date). */
  public static Instant parseUtc(String s) {
    int end = utcSuffix(s); // where the time ends: at its Z or +00:00
    if (end < 19
        || end > 29
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int nanos = 0;
    if (end > 19) {
      if (s.charAt(19) != '.' || end == 20) {
        return null;
      }
      int fraction = digits(s, 20, end);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = end - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return null;
    }
    if (second < 0 || second > 59) {
      return null;
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The index of the trailing {@code Z} or {@code +00:00}, or -1 when there is neither. */
  private static int utcSuffix(String s) {
    int n = s.length();
    if (n > 0 && s.charAt(n - 1) == 'Z') {
      return n - 1;
    }
    return s.endsWith("+00:00") ? n - 6 : -1;
  }

  /**
   * {@code instant} as {@link java.time.format.DateTimeFormatter#ISO_INSTANT} writes it (the
   * fraction in groups of three digits, none when zero), without the formatter's cost.
   */
  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    if (days < MIN_DAY || days > MAX_DAY) {
      return instant.toString(); // years outside 0000-9999 take a sign or more digits
    }
    LocalDate date = LocalDate.ofEpochDay(days);
    int nanos = instant.getNano();
    char[] out = new char[30];
    put(out, 0, date.getYear(), 4);
    out[4] = '-';
    put(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    put(out, 11, secondOfDay / 3_600, 2);
    out[13] = ':';
    put(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, secondOfDay % 60, 2);
    int n = 19;
    if (nanos != 0) {
      out[n++] = '.';
      if (nanos % 1_000_000 == 0) {
        put(out, n, nanos / 1_000_000, 3);
        n += 3;
      } else if (nanos % 1_000 == 0) {
        put(out, n, nanos / 1_000, 6);
        n += 6;
      } else {
        put(out, n, nanos, 9);
        n += 9;
      }
    }
    out[n++] = 'Z';
    return new String(out, 0, n);
  }

  private static final long MIN_DAY = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

  /** {@code value} as exactly {@code width} decimal digits at {@code at}. */
  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The decimal number in {@code [from, to)}, or -1 if any character is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
