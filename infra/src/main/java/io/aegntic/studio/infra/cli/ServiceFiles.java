package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.StackException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and parses the {@code studio-service*.properties} files of the modules: keys {@code name},
 * {@code order}, {@code command}, {@code health}, {@code address}, optional {@code jar} and {@code
 * health.timeout} (seconds). {@code ${VAR}} and {@code ${VAR:-default}} are expanded from the
 * environment the services get.
 */
final class ServiceFiles {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private ServiceFiles() {}

  /** Every service file one folder below {@code home}, parsed, sorted by order then name. */
  static List<ServiceSpec> discover(Path home, Map<String, String> env) {
    List<ServiceSpec> specs = new ArrayList<>();
    try (DirectoryStream<Path> modules = Files.newDirectoryStream(home, Files::isDirectory)) {
      for (Path module : modules) {
        if (module.getFileName().toString().startsWith(".")) {
          continue;
        }
        try (DirectoryStream<Path> files =
            Files.newDirectoryStream(module, "studio-service*.properties")) {
          for (Path file : files) {
            specs.add(parse(file, env));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    specs.sort(Comparator.comparingInt(ServiceSpec::order).thenComparing(ServiceSpec::name));
    return specs;
  }

  static ServiceSpec parse(Path file, Map<String, String> env) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new StackException("Cannot read the service file " + file + ": " + e.getMessage());
    }
    String name = required(props, "name", file);
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new StackException(
          file + ": name=" + name + " must be lower-case letters, digits and dashes.");
    }
    List<String> command = CommandLine.split(expand(required(props, "command", file), env, file));
    List<Path> jars = new ArrayList<>();
    String jar = props.getProperty("jar");
    if (jar != null && !jar.isBlank()) {
      jars.add(Path.of(expand(jar.trim(), env, file)));
    } else {
      command.stream().filter(arg -> arg.endsWith(".jar")).map(Path::of).forEach(jars::add);
    }
    return new ServiceSpec(
        name,
        integer(props, "order", 100, file),
        command,
        optional(props, "health", env, file),
        optional(props, "address", env, file),
        Duration.ofSeconds(integer(props, "health.timeout", 180, file)),
        List.copyOf(jars),
        file);
  }

  /** Replaces {@code ${VAR}} / {@code ${VAR:-default}}; an unset variable without default fails. */
  static String expand(String text, Map<String, String> env, Path file) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null) {
        if (m.group(2) == null) {
          throw new StackException(
              file
                  + " uses ${"
                  + m.group(1)
                  + "}, which is not set (use ${"
                  + m.group(1)
                  + ":-default} for a default).");
        }
        value = m.group(3);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String required(Properties props, String key, Path file) {
    String value = props.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new StackException("The service file " + file + " has no `" + key + "=`.");
    }
    return value.trim();
  }

  private static Optional<String> optional(
      Properties props, String key, Map<String, String> env, Path file) {
    String value = props.getProperty(key);
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(expand(value.trim(), env, file));
  }

  private static int integer(Properties props, String key, int fallback, Path file) {
    String value = props.getProperty(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new StackException(file + ": " + key + "=" + value + " is not a whole number.");
    }
  }
}
