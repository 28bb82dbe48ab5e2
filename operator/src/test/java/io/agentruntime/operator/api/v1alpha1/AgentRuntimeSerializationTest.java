package io.agentruntime.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator reads and writes AgentRuntimes through fabric8; nothing may get lost on the way. */
class AgentRuntimeSerializationTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @ParameterizedTest
  @MethodSource("io.agentruntime.operator.render.AgentRuntimeFixtures#exampleNames")
  void exampleSurvivesARoundTrip(String example) throws IOException {
    JsonNode original =
        new YAMLMapper()
            .readTree(AgentRuntimeFixtures.EXAMPLES.resolve(example + ".yaml").toFile());

    AgentRuntime read = SERIALIZATION.unmarshal(original.toString(), AgentRuntime.class);
    JsonNode written = new YAMLMapper().readTree(SERIALIZATION.asJson(read));

    assertThat(written.path("spec")).isEqualTo(original.path("spec"));
    assertThat(written.path("metadata")).isEqualTo(original.path("metadata"));
  }
}
