package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed CRDs are the ones the build generates from the API classes. */
class CrdFreshnessTest {

  private static final Path GENERATED = Path.of("target", "classes", "META-INF", "fabric8");
  private static final Path COMMITTED = Path.of("..", "crds");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "agentruntimes.agentruntime.io-v1.yml",
        "governancepolicies.agentruntime.io-v1.yml"
      })
  void committedCrdMatchesTheGeneratedOne(String file) throws IOException {
    var generated = GENERATED.resolve(file);
    assumeTrue(
        Files.exists(generated),
        "no generated CRD at " + generated + ": run the build's process-classes phase first");

    var committed = COMMITTED.resolve(file);
    assertThat(Files.exists(committed)).as("CRD is stale: run `make crds`").isTrue();
    assertThat(Files.readString(committed))
        .as("CRD is stale: run `make crds`")
        .isEqualTo(Files.readString(generated));
  }

  @Test
  void everyGeneratedCrdIsCommitted() throws IOException {
    assumeTrue(Files.isDirectory(GENERATED), "no generated CRDs: run process-classes first");
    try (var files = Files.list(GENERATED)) {
      for (var generated : files.toList()) {
        assertThat(COMMITTED.resolve(generated.getFileName()))
            .as("CRD %s is not committed: run `make crds`", generated.getFileName())
            .exists();
      }
    }
  }
}
