package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every {@code examples/*.yaml} and every {@link RenderCases case} and compares each object
 * with {@code golden/<example or case>/<kind>.yaml}. After an intended change, regenerate with
 * {@code -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static List<String> examples() {
    return AgentRuntimeFixtures.exampleNames();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void renderingMatchesTheGoldenFiles(String example) throws IOException {
    assertMatchesGoldenFiles(example, AgentRuntimeFixtures.example(example));
  }

  @ParameterizedTest
  @MethodSource("io.agentruntime.operator.render.RenderCases#names")
  void caseRenderingMatchesTheGoldenFiles(String name) throws IOException {
    assertMatchesGoldenFiles(name, RenderCases.load(name));
  }

  private static void assertMatchesGoldenFiles(String example, AgentRuntime cr) throws IOException {
    Map<String, String> rendered = renderedFiles(cr);
    Path folder = GOLDEN.resolve(example);
    if (UPDATE) {
      write(folder, rendered);
    }

    assertThat(existingFiles(folder))
        .as("golden files of %s (regenerate with -Dgolden.update=true)", example)
        .containsExactlyInAnyOrderElementsOf(rendered.keySet());
    for (Map.Entry<String, String> file : rendered.entrySet()) {
      assertThat(file.getValue())
          .as(
              "%s/%s differs from the rendering (regenerate with -Dgolden.update=true)",
              example, file.getKey())
          .isEqualTo(Files.readString(folder.resolve(file.getKey())));
    }
  }

  /** File name to YAML of every object; a kind rendered twice is told apart by its name suffix. */
  private static Map<String, String> renderedFiles(AgentRuntime cr) {
    List<HasMetadata> objects = AgentRuntimeRenderer.render(cr);
    Map<String, String> files = new LinkedHashMap<>();
    for (HasMetadata object : objects) {
      String kind = object.getKind().toLowerCase(java.util.Locale.ROOT);
      long sameKind = objects.stream().filter(o -> o.getKind().equals(object.getKind())).count();
      String name = object.getMetadata().getName();
      String suffix = sameKind > 1 ? name.substring(ResourceNames.runtime(cr).length()) : "";
      files.put(kind + suffix + ".yaml", SERIALIZATION.asYaml(object));
    }
    return files;
  }

  private static void write(Path folder, Map<String, String> files) throws IOException {
    Files.createDirectories(folder);
    for (String stale : existingFiles(folder)) {
      Files.delete(folder.resolve(stale));
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(folder.resolve(file.getKey()), file.getValue());
    }
  }

  private static List<String> existingFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
