package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentruntime.contract.config.ConfigException;
import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator renders the runtime's configuration into a ConfigMap; its golden files pin that
 * output. The runtime must load exactly those files, or pods would crash on a format drift that
 * neither module's own tests see.
 */
class OperatorRenderedConfigTest {

  private static final Path GOLDEN =
      Path.of("..", "operator", "src", "test", "resources", "golden");

  @TempDir Path dir;

  @Test
  void loadsTheConfigMapRenderedForTheMinimalExample() throws Exception {
    RuntimeConfig config = load("minimal");

    assertThat(config.intents()).extracting(intent -> intent.name()).contains("call_reasoning");
    assertThat(config.identity().localMode()).isFalse();
  }

  @Test
  void loadsTheConfigMapRenderedForTheMeshExample() throws Exception {
    assertThat(load("mesh").intents()).isNotEmpty();
  }

  @Test
  void loadsTheConfigMapRenderedForTheFullExampleWithItsDynamoDbStore() throws Exception {
    RuntimeConfig config = load("full");

    assertThat(config.governance().store())
        .isEqualTo(
            new PolicyStoreConfig.DynamoDb(
                "governance-policies",
                new PolicySetKey("agents", "support"),
                List.of(new PolicyStoreConfig.Region("us-east-1", Optional.empty()))));
    assertThat(config.intents())
        .extracting(intent -> intent.name())
        .containsExactly("call_reasoning", "lookup_order", "ping");
  }

  private RuntimeConfig load(String goldenCase) throws IOException, ConfigException {
    JsonNode configMap =
        new ObjectMapper(new YAMLFactory())
            .readTree(GOLDEN.resolve(goldenCase).resolve("configmap.yaml").toFile());
    Path file = dir.resolve(goldenCase + ".yaml");
    Files.writeString(file, configMap.path("data").path("runtime.yaml").asText());
    return new RuntimeConfigLoader(Map.of()).load(file);
  }
}
