package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.example;
import static io.agentruntime.operator.render.AgentRuntimeFixtures.minimal;
import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.contract.config.RuntimeConfigFormat;
import io.agentruntime.contract.config.TracingConfig;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class RuntimeConfigMapRendererTest {

  @Test
  void holdsTheConfigFileUnderItsKey() {
    ConfigMap configMap =
        AgentRuntimeFixtures.rendered(minimal(), RuntimeConfigMapRenderer::render);

    assertThat(configMap.getMetadata().getName()).isEqualTo("support-config");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("agents");
    assertThat(configMap.getData()).containsOnlyKeys("runtime.yaml");
  }

  /** The runtime's own reader, which refuses unknown keys, reads back what was rendered. */
  @Test
  void theRuntimeReadsBackTheConfigurationRendered() throws Exception {
    AgentRuntime cr = example("full");
    String yaml =
        AgentRuntimeFixtures.rendered(cr, RuntimeConfigMapRenderer::render)
            .getData()
            .get("runtime.yaml");

    assertThat(RuntimeConfigFormat.read(yaml, Path.of("/etc/agent-runtime")))
        .isEqualTo(AgentRuntimeFixtures.rendered(cr, RuntimeConfigMapRenderer::runtimeConfig));
  }

  @Test
  void writesTheRuntimesIdentityAndNoLocalMode() throws IOException {
    JsonNode config = config(example("full"));

    assertThat(config.path("runtime").path("name").asText()).isEqualTo("support");
    assertThat(config.path("runtime").path("namespace").asText()).isEqualTo("agents");
    assertThat(config.path("identity").path("localMode").isBoolean()).isTrue();
    assertThat(config.path("identity").path("localMode").asBoolean()).isFalse();
  }

  @Test
  void mapsEachBackendKindToTheRuntimesBackendType() throws IOException {
    JsonNode intents = config(example("full")).path("intents");

    assertThat(intent(intents, "call_reasoning").path("backend").path("type").asText())
        .isEqualTo("openai");
    assertThat(intent(intents, "call_reasoning").path("backend").path("url").asText())
        .isEqualTo("http://support-inference.agents.svc.cluster.local:8000");
    assertThat(intent(intents, "call_reasoning").path("backend").path("model").asText())
        .isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(intent(intents, "lookup_order").path("backend").path("type").asText())
        .isEqualTo("http");
    assertThat(intent(intents, "lookup_order").path("backend").path("url").asText())
        .isEqualTo("http://orders.shop.svc.cluster.local:8080/lookup");
    assertThat(intent(intents, "lookup_order").path("timeout").asText()).isEqualTo("2s");
    assertThat(intent(intents, "ping").path("backend").path("type").asText()).isEqualTo("echo");
  }

  @Test
  void writesTheDefaultsTheSpecLeavesOut() throws IOException {
    JsonNode config = config(minimal());

    assertThat(config.path("governance").path("mode").asText()).isEqualTo("Enforce");
    assertThat(config.path("governance").path("refreshInterval").asText()).isEqualTo("10s");
    assertThat(config.path("governance").path("maxStaleness").asText()).isEqualTo("5m");
    assertThat(config.path("governance").has("store")).isFalse();
    assertThat(intent(config.path("intents"), "ping").path("timeout").asText()).isEqualTo("30s");
  }

  @Test
  void namesTheDynamoDbStore() throws IOException {
    JsonNode store = config(example("full")).path("governance").path("store");

    assertThat(store.path("dynamodb").path("table").asText()).isEqualTo("governance-policies");
    assertThat(store.path("dynamodb").path("region").asText()).isEqualTo("us-east-1");
  }

  @Test
  void auditModeReachesTheRuntime() throws IOException {
    AgentRuntime audit =
        withSpec(
            """
            image: ghcr.io/agentruntime/runtime:0.1.0
            governance: {mode: Audit}
            intents:
              - name: ping
                backend: {echo: {}}
            """);

    assertThat(config(audit).path("governance").path("mode").asText()).isEqualTo("Audit");
  }

  @Test
  void rendersTheMcpServersTheRuntimeServes() throws Exception {
    AgentRuntime gateway =
        withSpec(
            """
            image: ghcr.io/agentruntime/runtime:0.1.0
            intents:
              - name: ping
                backend: {echo: {}}
            mcpServers:
              - name: github
                url: http://github-mcp.tools.svc.cluster.local:8080/mcp
              - name: docs
                url: https://docs.example/mcp
                timeout: 5s
            """);
    String yaml =
        AgentRuntimeFixtures.rendered(gateway, RuntimeConfigMapRenderer::render)
            .getData()
            .get("runtime.yaml");

    assertThat(RuntimeConfigFormat.read(yaml, Path.of("/etc/agent-runtime")).mcpServers())
        .extracting(server -> server.path() + " " + server.url() + " " + server.timeout())
        .containsExactly(
            "/mcp/github http://github-mcp.tools.svc.cluster.local:8080/mcp PT30S",
            "/mcp/docs https://docs.example/mcp PT5S");
    assertThat(config(minimal()).has("mcpServers")).isFalse();
  }

  @Test
  void streamBoundsAndTracingReachTheRuntime() throws Exception {
    AgentRuntime traced =
        withSpec(
            """
            image: ghcr.io/agentruntime/runtime:0.1.0
            intents:
              - name: chat
                backend: {echo: {}}
                timeout: 10m
                firstByteTimeout: 45s
                idleTimeout: 20s
              - name: ping
                backend: {echo: {}}
            tracing: {endpoint: "http://otel-collector.observability:4318", samplingRatio: 0.1}
            """);
    RuntimeConfig config =
        RuntimeConfigFormat.read(
            AgentRuntimeFixtures.rendered(traced, RuntimeConfigMapRenderer::render)
                .getData()
                .get("runtime.yaml"),
            Path.of("/etc/agent-runtime"));

    assertThat(config.intents().getFirst().streaming())
        .isEqualTo(new IntentConfig.Streaming(Duration.ofSeconds(45), Duration.ofSeconds(20)));
    assertThat(config.intents().get(1).streaming()).isEqualTo(IntentConfig.Streaming.DEFAULT);
    assertThat(config.tracing())
        .contains(new TracingConfig(URI.create("http://otel-collector.observability:4318"), 0.1));
    assertThat(config(minimal()).has("tracing")).as("tracing is off by default").isFalse();
  }

  @Test
  void keepsIntentNamesThatLookLikeNumbersAsText() throws IOException {
    AgentRuntime numeric =
        withSpec(
            """
            image: ghcr.io/agentruntime/runtime:0.1.0
            intents:
              - name: "1.5"
                backend: {echo: {}}
            """);

    assertThat(config(numeric).path("intents").get(0).path("name").isTextual()).isTrue();
  }

  /**
   * A groups header the mesh does not fill is one every caller can fill: the configuration names it
   * only where the RequestAuthentication writes it from a verified token's groups claim.
   */
  @Test
  void namesTheGroupsHeaderOnlyWhereTheMeshWritesItFromTheToken() throws IOException {
    String runtime =
        """
        image: ghcr.io/agentruntime/runtime:0.1.0
        intents: [{name: ping, backend: {echo: {}}}]
        """;
    String authentication =
        """
        mesh:
          authentication:
            issuer: https://auth.example.com/
            jwksUri: https://auth.example.com/.well-known/jwks.json
            audiences: [agent-runtime]
        """;

    JsonNode withGroups =
        config(withSpec(runtime + authentication + "    groupsClaim: agent_groups\n"));

    assertThat(withGroups.path("identity").path("groupsHeader").asText())
        .isEqualTo(RuntimeRequestAuthenticationRenderer.GROUPS_HEADER);
    assertThat(withGroups.path("identity").path("localMode").asBoolean(true)).isFalse();
    assertThat(config(withSpec(runtime + authentication)).path("identity").has("groupsHeader"))
        .as("a token without a groups claim")
        .isFalse();
    assertThat(
            config(withSpec(runtime + "mesh: {allowedPrincipals: [cluster.local/ns/a/sa/b]}"))
                .path("identity")
                .has("groupsHeader"))
        .as("no authentication")
        .isFalse();
  }

  @Test
  void rendersTheSameTextEveryTime() {
    assertThat(AgentRuntimeFixtures.rendered(example("full"), RuntimeConfigMapRenderer::render))
        .isEqualTo(
            AgentRuntimeFixtures.rendered(example("full"), RuntimeConfigMapRenderer::render));
  }

  private static JsonNode config(AgentRuntime cr) throws IOException {
    String yaml =
        AgentRuntimeFixtures.rendered(cr, RuntimeConfigMapRenderer::render)
            .getData()
            .get("runtime.yaml");
    return new YAMLMapper().readTree(yaml);
  }

  private static JsonNode intent(JsonNode intents, String name) {
    return StreamSupport.stream(intents.spliterator(), false)
        .filter(intent -> intent.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no intent " + name + " in " + intents));
  }
}
