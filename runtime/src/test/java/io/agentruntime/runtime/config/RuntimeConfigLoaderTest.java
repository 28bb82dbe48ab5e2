package io.agentruntime.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentruntime.contract.config.ConfigException;
import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.EvaluatorChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file on disk, with what the process environment adds to it. */
class RuntimeConfigLoaderTest {

  private static final String MINIMAL =
      """
      intents:
        - name: call_reasoning
          backend: {type: echo}
      """;

  @TempDir Path dir;

  @Test
  void environmentOverridesTheFile() throws Exception {
    RuntimeConfig config =
        load(
            "server: {host: 127.0.0.1, port: 8080}\n" + MINIMAL,
            Map.of(
                "AGENT_SERVER_PORT", "9999",
                "AGENT_RUNTIME_NAME", "support",
                "AGENT_RUNTIME_NAMESPACE", "agents",
                "AGENT_GOVERNANCE_MODE", "Audit",
                "AGENT_GOVERNANCE_EVALUATOR", "cedar",
                "AGENT_LOCAL_MODE", "true",
                "AGENT_POLICY_DIR", "/etc/policies"));

    assertThat(config.server().port()).isEqualTo(9999);
    assertThat(config.runtime().resource()).isEqualTo("agents/support");
    assertThat(config.governance().mode()).isEqualTo(EnforcementMode.AUDIT);
    assertThat(config.governance().evaluator()).isEqualTo(EvaluatorChoice.CEDAR);
    assertThat(config.identity().localMode()).isTrue();
    assertThat(config.governance().store())
        .isEqualTo(new PolicyStoreConfig.File(Path.of("/etc/policies")));
  }

  @Test
  void anInvalidOverrideNamesTheKeyItReplaces() {
    assertThatThrownBy(() -> load(MINIMAL, Map.of("AGENT_SERVER_PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("server.port: invalid integer 'eighty'");
  }

  /** The operator leaves the region out when the spec does: the CRD's default is the pod's. */
  @Test
  void aDynamoDbStoreWithoutRegionReadsThePodsRegion() throws Exception {
    String file = "governance: {store: {dynamodb: {table: policies}}}\n" + MINIMAL;

    RuntimeConfig config = load(file, Map.of("AWS_REGION", "eu-west-1"));

    assertThat(((PolicyStoreConfig.DynamoDb) config.governance().store()).regions())
        .containsExactly(new PolicyStoreConfig.Region("eu-west-1", Optional.empty()));
    assertThatThrownBy(() -> load(file, Map.of()))
        .hasMessageStartingWith("governance.store.dynamodb.region: is required");
  }

  @Test
  void theFilesRegionWinsOverThePods() throws Exception {
    RuntimeConfig config =
        load(
            "governance: {store: {dynamodb: {table: policies, region: us-east-1}}}\n" + MINIMAL,
            Map.of("AWS_REGION", "eu-west-1"));

    assertThat(((PolicyStoreConfig.DynamoDb) config.governance().store()).home().name())
        .isEqualTo("us-east-1");
  }

  @Test
  void invalidYamlNamesTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("runtime.yaml"), "intents: [unclosed");

    assertThatThrownBy(() -> new RuntimeConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": invalid YAML: ");
  }

  @Test
  void theLocalExampleLoads() throws Exception {
    RuntimeConfig config =
        new RuntimeConfigLoader(Map.of()).load(Path.of("../examples/local/runtime.yaml"));

    assertThat(config.identity().localMode()).isTrue();
    assertThat(config.runtime().name()).isEqualTo("local");
    assertThat(config.governance().store())
        .isEqualTo(
            new PolicyStoreConfig.File(
                Path.of("../examples/policies").toAbsolutePath().normalize()));
    assertThat(config.intents()).extracting(intent -> intent.name()).contains("call_reasoning");
  }

  private RuntimeConfig load(String yaml, Map<String, String> environment) throws Exception {
    Path file = Files.writeString(dir.resolve("runtime.yaml"), yaml);
    return new RuntimeConfigLoader(environment).load(file);
  }
}
