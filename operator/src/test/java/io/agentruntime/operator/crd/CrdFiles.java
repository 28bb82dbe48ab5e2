package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The operator's CRDs: as committed in {@code crds/}, named after the versions of the resource they
 * hold ({@code <crd>-<versions>.yaml}), and as the build generates them ({@code <crd>-v1.yml},
 * after apiextensions.k8s.io/v1).
 */
public final class CrdFiles {

  /** The committed CRDs (tests run in the module directory). */
  public static final Path COMMITTED = Path.of("..", "crds");

  /** Where the build's process-classes phase writes the generated CRDs. */
  public static final Path GENERATED = Path.of("target", "classes", "META-INF", "fabric8");

  /** The committed AgentRuntime CRD. */
  public static final Path AGENT_RUNTIMES =
      COMMITTED.resolve("agentruntimes.agentruntime.io-v1alpha1.yaml");

  /** The committed GovernancePolicy CRD. */
  public static final Path GOVERNANCE_POLICIES =
      COMMITTED.resolve("governancepolicies.agentruntime.io-v1alpha1.yaml");

  private static final YAMLMapper YAML = new YAMLMapper();

  private CrdFiles() {}

  /** Every committed CRD. */
  public static List<Path> committed() {
    return List.of(AGENT_RUNTIMES, GOVERNANCE_POLICIES);
  }

  /** The CRD in {@code file}. */
  public static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name {@code crd}'s committed file has: {@code <metadata.name>-<version>[-...].yaml}. */
  public static String committedName(JsonNode crd) {
    String versions =
        StreamSupport.stream(crd.path("spec").path("versions").spliterator(), false)
            .map(version -> version.path("name").asText())
            .collect(Collectors.joining("-"));
    return crd.path("metadata").path("name").asText() + "-" + versions + ".yaml";
  }

  /** The files in {@code directory}, sorted. */
  public static List<Path> list(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
