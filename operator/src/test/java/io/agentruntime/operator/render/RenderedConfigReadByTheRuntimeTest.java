package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.contract.config.AsyncConfig;
import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.contract.config.ConfigException;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.contract.config.RuntimeConfigFormat;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  @Test
  void theAsyncExampleWithItsQueueRecordsAndWorkerSettings() throws Exception {
    RuntimeConfig config = read("async");

    AsyncConfig async = config.async().orElseThrow();
    assertThat(async.queue())
        .isEqualTo(
            new AsyncConfig.Sqs(
                URI.create("https://sqs.us-east-1.amazonaws.com/123456789012/research-dispatches"),
                "us-east-1",
                Optional.empty()));
    assertThat(async.records()).isEqualTo(AsyncConfig.Records.DYNAMODB);
    assertThat(async.worker())
        .isEqualTo(
            new AsyncConfig.Worker(
                false, 5, Duration.ofMinutes(5), AsyncConfig.Worker.DEFAULT_WAIT_TIME));
    assertThat(config.intents().getFirst().async())
        .isEqualTo(new AsyncIntentConfig(Duration.ofHours(2), 3, Duration.ofHours(72)));
  }

  /**
   * The RequestAuthentication writes the verified token's claims to headers, and the configuration
   * names the headers the runtime reads: they must be exactly the same two.
   */
  @Test
  void readsTheIdentityHeadersTheRenderedRequestAuthenticationWrites() throws Exception {
    RuntimeConfig config = read("full");
    Map<String, String> claimsByHeader = new HashMap<>();
    for (JsonNode mapping :
        golden("full", "requestauthentication.yaml").at("/spec/jwtRules/0/outputClaimToHeaders")) {
      claimsByHeader.put(mapping.path("header").asText(), mapping.path("claim").asText());
    }

    assertThat(claimsByHeader)
        .containsOnlyKeys(
            config.identity().principalHeader(), config.identity().groupsHeader().orElseThrow());
  }

  @Test
  void readsNoGroupsHeaderWhereTheMeshDoesNotWriteOne() throws Exception {
    assertThat(read("mesh").identity().groupsHeader()).isEmpty();
    assertThat(read("minimal").identity().groupsHeader()).isEmpty();
  }

  private static JsonNode golden(String goldenCase, String file) throws IOException {
    return new YAMLMapper().readTree(GOLDEN.resolve(goldenCase).resolve(file).toFile());
  }

  private static RuntimeConfig read(String goldenCase) throws IOException, ConfigException {
    JsonNode configMap = golden(goldenCase, "configmap.yaml");
    return RuntimeConfigFormat.read(
        configMap.path("data").path("runtime.yaml").asText(), Path.of("/etc/agent-runtime"));
  }
}
