package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.runtime.config.ConfigException;
import io.agentruntime.runtime.config.PolicyStoreConfig;
import io.agentruntime.runtime.config.RuntimeConfig;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.identity.PrincipalResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /**
   * The operator renders a RequestAuthentication writing the token's claims to headers, and names
   * the groups header in the runtime's configuration: the runtime must read exactly those headers,
   * and split the groups claim's one comma-separated string (the only form Istio copies) the same
   * way.
   */
  @Test
  void readsTheIdentityHeadersTheRenderedRequestAuthenticationWrites() throws Exception {
    RuntimeConfig config = load("full");
    Map<String, String> claimsByHeader = new HashMap<>();
    for (JsonNode mapping :
        yaml("full", "requestauthentication.yaml").at("/spec/jwtRules/0/outputClaimToHeaders")) {
      claimsByHeader.put(mapping.path("header").asText(), mapping.path("claim").asText());
    }
    Map<String, String> request =
        Map.of(
            config.identity().principalHeader(), "josé",
            config.identity().groupsHeader().orElseThrow(), "data-stewards, analysts,,");

    Optional<Principal> caller =
        new PrincipalResolver(config.identity())
            .resolve(name -> Optional.ofNullable(request.get(name)), Map.of());

    assertThat(claimsByHeader)
        .containsOnlyKeys(
            config.identity().principalHeader(), config.identity().groupsHeader().orElseThrow());
    assertThat(caller).hasValue(new Principal("josé", Set.of("data-stewards", "analysts")));
  }

  @Test
  void readsNoGroupsHeaderWhereTheMeshDoesNotWriteOne() throws Exception {
    assertThat(load("mesh").identity().groupsHeader()).isEmpty();
    assertThat(load("minimal").identity().groupsHeader()).isEmpty();
  }

  private static JsonNode yaml(String goldenCase, String file) throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .readTree(GOLDEN.resolve(goldenCase).resolve(file).toFile());
  }

  private RuntimeConfig load(String goldenCase) throws IOException, ConfigException {
    JsonNode configMap = yaml(goldenCase, "configmap.yaml");
    Path file = dir.resolve(goldenCase + ".yaml");
    Files.writeString(file, configMap.path("data").path("runtime.yaml").asText());
    return new RuntimeConfigLoader(Map.of()).load(file);
  }
}
