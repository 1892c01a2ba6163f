package io.aegntic.studio.serving.auth;

import io.aegntic.studio.serving.config.StudioProperties;
import io.aegntic.studio.serving.connections.DemoConnections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ensures the demo account {@value #EMAIL} exists and owns the platform simulator's creators {@code
 * creator-demo-1..3}. Its password is random, written only to {@code
 * $STUDIO_DATA_DIR/demo-credentials} (mode 600) and never logged. When that file is missing the
 * password is reset and the file rewritten, so the file always holds a working password. Turned off
 * with {@code STUDIO_DEMO=false}.
 */
@Component
class DemoAccount implements ApplicationRunner {
  static final String EMAIL = "demo@studio.local";
  static final String FILE = "demo-credentials";
  private static final Logger log = LoggerFactory.getLogger(DemoAccount.class);

  private final Users users;

  private final AuthService auth;
  private final StudioProperties properties;
  private final DemoConnections connections;
  private final Clock clock;

  DemoAccount(
      Users users,
      AuthService auth,
      StudioProperties properties,
      DemoConnections connections,
      Clock clock) {
    this.users = users;
    this.auth = auth;
    this.properties = properties;
    this.connections = connections;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (properties.demo() != null && !properties.demo().enabled()) {
      return;
    }
    Path file = properties.dataDir().resolve(FILE);
    boolean haveFile = Files.isReadable(file);
    String password = newPassword();
    Users.User user =
        users
            .byEmail(EMAIL)
            .flatMap(
                existing ->
                    haveFile
                        ? Mono.just(existing)
                        : auth.hash(password)
                            .flatMap(h -> users.updatePassword(existing.id(), h))
                            .thenReturn(existing))
            .switchIfEmpty(
                Mono.defer(() -> auth.hash(password).flatMap(h -> users.insert(EMAIL, h, "Demo"))))
            .block();
    if (user == null) {
      throw new IllegalStateException("could not create the demo account");
    }
    Flux.range(1, 3)
        .concatMap(i -> users.addCreator("creator-demo-" + i, user.id(), "Demo creator " + i))
        .blockLast();
    // Tokens expire two minutes from now, so ingest's pollers refresh them during a demo run.
    Flux.range(1, 3)
        .concatMap(
            i ->
                connections.seedDemo(
                    "creator-demo-" + i, clock.instant().plus(Duration.ofMinutes(2))))
        .blockLast();
    if (!haveFile || !Files.exists(file)) {
      write(file, "email=" + EMAIL + "\npassword=" + password + "\n");
      log.info("demo account {} ready; credentials in {}", EMAIL, file);
    }
  }

  private static String newPassword() {
    byte[] raw = new byte[18];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** Writes through a 600 temp file and an atomic move, so no reader sees a partial file. */
  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
