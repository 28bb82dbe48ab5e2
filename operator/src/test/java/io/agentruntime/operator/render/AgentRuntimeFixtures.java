package io.agentruntime.operator.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** AgentRuntimes for tests: the shipped examples and inline YAML. */
public final class AgentRuntimeFixtures {

  /** The repository's examples folder (tests run in the module directory). */
  public static final Path EXAMPLES = Path.of("..", "examples");

  /**
   * A spec whose one intent calls the runtime's own model-server pool, with nothing else set: for
   * {@link #withSpec}, with the pool's further fields appended indented by two spaces.
   */
  public static final String MODEL_POOL =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: call_reasoning, backend: {inference: {}}}]
      inference:
        image: vllm/vllm-openai:v0.11.0
        model: meta-llama/Llama-3.1-8B-Instruct
      """;

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private AgentRuntimeFixtures() {}

  /** The example {@code examples/<name>.yaml}. */
  public static AgentRuntime example(String name) {
    return read(EXAMPLES.resolve(name + ".yaml"));
  }

  /** Names of the {@code examples/*.yaml} that hold an AgentRuntime, without the extension. */
  public static List<String> exampleNames() {
    return exampleNames("AgentRuntime");
  }

  /** Names of the {@code examples/*.yaml} that hold a resource of {@code kind}, sorted. */
  public static List<String> exampleNames(String kind) {
    return yamlNames(EXAMPLES).stream()
        .filter(name -> kind.equals(kindOf(EXAMPLES.resolve(name + ".yaml"))))
        .toList();
  }

  /** Names of every {@code *.yaml} in {@code folder}, without the extension, sorted. */
  public static List<String> yamlNames(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .map(name -> name.substring(0, name.length() - ".yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An AgentRuntime parsed from {@code yaml}. */
  public static AgentRuntime parse(String yaml) {
    try {
      return YAML.readValue(yaml, AgentRuntime.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A valid AgentRuntime {@code support} in {@code agents} whose spec is {@code specYaml}, indented
   * as under {@code spec:}.
   */
  public static AgentRuntime withSpec(String specYaml) {
    String header =
        """
        apiVersion: agentruntime.io/v1alpha1
        kind: AgentRuntime
        metadata: {name: support, namespace: agents}
        spec:
        """;
    return parse(header + specYaml.indent(2));
  }

  /** The smallest valid spec: an image and one echo intent. */
  public static AgentRuntime minimal() {
    return withSpec(
        """
        image: ghcr.io/agentruntime/runtime:0.1.0
        intents:
          - name: ping
            backend: {echo: {}}
        """);
  }

  private static String kindOf(Path file) {
    try {
      return YAML.readTree(file.toFile()).path("kind").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AgentRuntime read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code renderer} makes of {@code cr}, its effective spec built as the operator does. */
  public static <T> T rendered(
      AgentRuntime cr, BiFunction<AgentRuntime, EffectiveSpec, T> renderer) {
    return renderer.apply(cr, EffectiveSpec.of(cr.getSpec()));
  }
}
