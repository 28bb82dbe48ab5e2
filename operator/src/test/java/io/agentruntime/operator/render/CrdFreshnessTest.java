package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed CRD is the one the build generates from the API classes. */
class CrdFreshnessTest {

  private static final String FILE = "agentruntimes.agentruntime.io-v1.yml";
  private static final Path GENERATED = Path.of("target", "classes", "META-INF", "fabric8", FILE);
  private static final Path COMMITTED = Path.of("..", "crds", FILE);

  @Test
  void committedCrdMatchesTheGeneratedOne() throws IOException {
    assumeTrue(
        Files.exists(GENERATED),
        "no generated CRD at " + GENERATED + ": run the build's process-classes phase first");

    assertThat(Files.exists(COMMITTED)).as("CRD is stale: run `make crds`").isTrue();
    assertThat(Files.readString(COMMITTED))
        .as("CRD is stale: run `make crds`")
        .isEqualTo(Files.readString(GENERATED));
  }
}
