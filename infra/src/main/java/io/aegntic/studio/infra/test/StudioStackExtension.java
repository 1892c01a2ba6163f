package io.aegntic.studio.infra.test;

import io.aegntic.studio.infra.LocalStack;
import io.aegntic.studio.infra.RunningStack;
import io.aegntic.studio.infra.StackEndpoints;
import io.aegntic.studio.infra.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;

/**
 * Gives integration tests one shared, real Kafka + PostgreSQL + InfluxDB stack per test JVM, with
 * every topic of the catalogue created. Use {@code @ExtendWith(StudioStackExtension.class)} and
 * take a {@link StackEndpoints} parameter (constructor, lifecycle or test method), or call {@link
 * #endpoints()} (e.g. from Spring's {@code @DynamicPropertySource}).
 *
 * <p>With Docker it runs containers (Testcontainers); without, local child processes on free ports
 * with their data in {@code <java.io.tmpdir>/studio-stack/jvm-<pid>} (the module's {@code target/}
 * under Maven). Set {@code -Dstudio.stack=local} or {@code containers} to choose. The stack starts
 * on first use and stops when the JVM exits.
 */
public final class StudioStackExtension implements BeforeAllCallback, ParameterResolver {

  private static final Object LOCK = new Object();
  private static RunningStack stack;
  private static RuntimeException failure;

  /** The endpoints of the shared stack, starting it if it is not running yet. */
  public static StackEndpoints endpoints() {
    return stack().endpoints();
  }

  /** Stops the shared stack's Kafka broker (data and port kept) for broker-down tests. */
  public static void stopKafka() {
    stack().stopKafka();
  }

  /** Starts the broker again after {@link #stopKafka()}, on the same port and data. */
  public static void startKafka() {
    stack().startKafka();
  }

  /**
   * Creates a fresh, empty PostgreSQL database owned by {@link StackEndpoints#postgresUser()} and
   * returns its name: {@code prefix} plus a unique suffix. Use it with {@link
   * StackEndpoints#withPostgresDatabase(String)}.
   */
  public static String newDatabase(String prefix) {
    return stack().createDatabase(prefix);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StackEndpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return endpoints();
  }

  private static RunningStack stack() {
    synchronized (LOCK) {
      if (failure != null) {
        throw failure;
      }
      if (stack == null) {
        try {
          stack = useContainers() ? ContainerStack.start() : startLocal();
        } catch (RuntimeException e) {
          failure = e;
          throw e;
        }
        RunningStack started = stack;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "studio-stack-stop"));
      }
      return stack;
    }
  }

  private static RunningStack startLocal() {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "studio-stack");
    TestDataDirs.removeStale(root);
    Path dir = root.resolve("jvm-" + ProcessHandle.current().pid());
    TestDataDirs.delete(dir);
    return LocalStack.start(StackSettings.forTests(dir));
  }

  private static boolean useContainers() {
    String choice = System.getProperty("studio.stack", System.getenv("STUDIO_TEST_STACK"));
    if ("local".equals(choice)) {
      return false;
    }
    if ("containers".equals(choice)) {
      return true;
    }
    if (!dockerConfigured()) {
      return false; // skips Testcontainers' slow, noisy probe on machines without Docker
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean dockerConfigured() {
    String home = System.getProperty("user.home");
    return System.getenv("DOCKER_HOST") != null
        || Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
        || Files.exists(Path.of(home, ".testcontainers.properties"));
  }
}
