package io.aegntic.studio.ml.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one subcommand; unknown or repeated names are usage errors. */
final class Args {
  private final String command;
  private final Map<String, String> values = new LinkedHashMap<>();

  Args(String command, List<String> raw, Set<String> allowed) {
    this.command = command;
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.get(i);
      if (!name.startsWith("--") || name.length() == 2) {
        throw new UsageException(command + ": expected an option like --name, got '" + name + "'");
      }
      String key = name.substring(2);
      if (!allowed.contains(key)) {
        throw new UsageException(command + ": unknown option " + name);
      }
      if (i + 1 >= raw.size() || raw.get(i + 1).startsWith("--")) {
        throw new UsageException(command + ": option " + name + " needs a value");
      }
      if (values.put(key, raw.get(++i)) != null) {
        throw new UsageException(command + ": option " + name + " given twice");
      }
    }
  }

  String required(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new UsageException(command + ": missing required option --" + key);
    }
    return v;
  }

  Path path(String key) {
    return Path.of(required(key));
  }

  Path path(String key, Path fallback) {
    return values.containsKey(key) ? Path.of(values.get(key)) : fallback;
  }

  int integer(String key, int fallback, int min, int max) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new UsageException(
            command + ": --" + key + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": --" + key + " must be an integer, got '" + v + "'");
    }
  }

  double decimal(String key, double fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d) || d < 0) {
        throw new UsageException(
            command + ": --" + key + " must be a number >= 0, got '" + v + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": --" + key + " must be a number, got '" + v + "'");
    }
  }

  long longValue(String key, long fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": --" + key + " must be an integer, got '" + v + "'");
    }
  }
}
