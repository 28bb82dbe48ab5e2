package io.agentruntime.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One runtime shared by a test class that throws bad input at it: started before the first test,
 * checked after every test to still serve a plain dispatch (what the abuse must not break), closed
 * after the last. Register it with {@code @RegisterExtension static final ServingRuntime}.
 */
final class ServingRuntime implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private final String config;
  private Path dir;
  private TestRuntime runtime;

  private ServingRuntime(String config) {
    this.config = config;
  }

  /** Local mode, the echo intents, every request permitted. */
  static ServingRuntime allowingAll() {
    return withConfig(TestRuntime.baseConfig() + TestRuntime.ECHO_INTENTS);
  }

  /** The given configuration, every request permitted. */
  static ServingRuntime withConfig(String config) {
    return new ServingRuntime(config);
  }

  TestRuntime runtime() {
    return runtime;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("serving-runtime");
    runtime =
        TestRuntime.start(dir, config, Map.of("allow.cedar", TestRuntime.ALLOW_ALL), Map.of());
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    runtime.assertStillServes();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      runtime.close();
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              file -> {
                try {
                  Files.delete(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
