package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.contract.config.ConfigException;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.contract.config.RuntimeConfigFormat;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The golden ConfigMaps pin what the operator renders; the runtime's own reader (which refuses
 * unknown keys) must read exactly those files, or pods would crash on a format drift.
 */
class RenderedConfigReadByTheRuntimeTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @Test
  void theMinimalExample() throws Exception {
    RuntimeConfig config = read("minimal");

    assertThat(config.intents()).extracting(IntentConfig::name).contains("call_reasoning");
    assertThat(config.identity().localMode()).isFalse();
  }

  @Test
  void theMeshExample() throws Exception {
    assertThat(read("mesh").intents()).isNotEmpty();
  }

  @Test
  void theFullExampleWithItsDynamoDbStore() throws Exception {
    RuntimeConfig config = read("full");

    assertThat(config.governance().store())
        .isEqualTo(
            new PolicyStoreConfig.DynamoDb(
                "governance-policies",
                new PolicySetKey("agents", "support"),
                List.of(new PolicyStoreConfig.Region("us-east-1", Optional.empty()))));
    assertThat(config.intents())
        .extracting(IntentConfig::name)
        .containsExactly("call_reasoning", "lookup_order", "ping");
  }

  private static RuntimeConfig read(String goldenCase) throws IOException, ConfigException {
    JsonNode configMap =
        new YAMLMapper().readTree(GOLDEN.resolve(goldenCase).resolve("configmap.yaml").toFile());
    return RuntimeConfigFormat.read(
        configMap.path("data").path("runtime.yaml").asText(), Path.of("/etc/agent-runtime"));
  }
}
