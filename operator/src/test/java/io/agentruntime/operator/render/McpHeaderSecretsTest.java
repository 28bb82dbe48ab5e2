package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.example;
import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.contract.config.McpServerConfig;
import io.agentruntime.contract.config.McpServerConfig.HeaderValue;
import io.agentruntime.contract.config.RuntimeConfigFormat;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MCP headers from Secrets: the serving pods mount each key read-only where {@code runtime.yaml}
 * says the runtime reads it, and the ConfigMap names the file, never the Secret or its value.
 */
class McpHeaderSecretsTest {

  private static final String TWO_SERVERS_ONE_SECRET =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: ping, backend: {echo: {}}}]
      governance: {store: {dynamodb: {table: governance-policies, region: us-east-1}}}
      async: {queue: {url: "https://sqs.us-east-1.amazonaws.com/123456789012/q"}}
      mcpServers:
        - name: github
          url: http://github-mcp:8080/mcp
          headers:
            - {name: X-Tenant, value: agents}
            - {name: Authorization, valueFrom: {secretKeyRef: {name: mcp-credentials, key: github}}}
        - name: jira
          url: http://jira-mcp:8080/mcp
          headers:
            - {name: Authorization, valueFrom: {secretKeyRef: {name: mcp-credentials, key: jira}}}
            - {name: X-Api-Key, valueFrom: {secretKeyRef: {name: jira-key, key: key}}}
      """;

  @Test
  void theConfigurationNamesTheMountedFileAndHoldsOnlyTheValuesThatAreNoSecret() throws Exception {
    String yaml = runtimeYaml(example("mcp-gateway"));

    McpServerConfig github =
        RuntimeConfigFormat.read(yaml, Path.of("/etc/agent-runtime")).mcpServer("github").get();
    assertThat(github.headers())
        .isEqualTo(
            Map.of(
                "Authorization",
                new HeaderValue.FromFile(Path.of("/var/run/agentruntime/mcp/github/0")),
                "X-MCP-Toolsets",
                new HeaderValue.Literal("repos,issues,pull_requests")));
  }

  @Test
  void theServingPodsMountEachKeyReadOnlyWhereTheConfigurationReadsIt() throws Exception {
    AgentRuntime cr = withSpec(TWO_SERVERS_ONE_SECRET);
    PodSpec pod =
        AgentRuntimeFixtures.rendered(cr, RuntimeDeploymentRenderer::render)
            .getSpec()
            .getTemplate()
            .getSpec();

    Volume volume =
        pod.getVolumes().stream().filter(v -> v.getName().equals("mcp-headers")).findFirst().get();
    assertThat(volume.getProjected().getSources())
        .extracting(VolumeProjection::getSecret)
        .extracting(SecretProjection::getName, SecretProjection::getOptional)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mcp-credentials", false),
            org.assertj.core.groups.Tuple.tuple("jira-key", false));
    assertThat(volume.getProjected().getSources().getFirst().getSecret().getItems())
        .extracting(KeyToPath::getKey, KeyToPath::getPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("github", "github/1"),
            org.assertj.core.groups.Tuple.tuple("jira", "jira/0"));
    VolumeMount mount =
        pod.getContainers().getFirst().getVolumeMounts().stream()
            .filter(m -> m.getName().equals("mcp-headers"))
            .findFirst()
            .get();
    assertThat(mount.getMountPath()).isEqualTo("/var/run/agentruntime/mcp");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(mount.getSubPath()).as("a subPath mount never sees a rotated Secret").isNull();

    // every file the configuration names is a key the volume projects there
    var files =
        RuntimeConfigFormat.read(runtimeYaml(cr), Path.of("/etc/agent-runtime"))
            .mcpServers()
            .stream()
            .flatMap(server -> server.headers().values().stream())
            .filter(HeaderValue.FromFile.class::isInstance)
            .map(value -> ((HeaderValue.FromFile) value).file().toString())
            .toList();
    var projected =
        volume.getProjected().getSources().stream()
            .flatMap(source -> source.getSecret().getItems().stream())
            .map(item -> mount.getMountPath() + "/" + item.getPath())
            .toList();
    assertThat(files).hasSize(3).containsExactlyInAnyOrderElementsOf(projected);
  }

  @Test
  void workersAndRuntimesWithoutSecretHeadersMountNoSecret() {
    PodSpec workers =
        AgentRuntimeFixtures.rendered(
                withSpec(TWO_SERVERS_ONE_SECRET), WorkerDeploymentRenderer::render)
            .getSpec()
            .getTemplate()
            .getSpec();
    PodSpec literalOnly =
        AgentRuntimeFixtures.rendered(
                withSpec(
                    """
                    image: ghcr.io/agentruntime/runtime:0.1.0
                    intents: [{name: ping, backend: {echo: {}}}]
                    mcpServers:
                      - {name: docs, url: "http://docs:8080/mcp", headers: [{name: X-Tenant, value: a}]}
                    """),
                RuntimeDeploymentRenderer::render)
            .getSpec()
            .getTemplate()
            .getSpec();

    for (PodSpec pod : new PodSpec[] {workers, literalOnly}) {
      assertThat(pod.getVolumes()).extracting(Volume::getName).containsExactly("config", "tmp");
      assertThat(pod.getContainers().getFirst().getVolumeMounts())
          .extracting(VolumeMount::getName)
          .containsExactly("config", "tmp");
    }
  }

  private static String runtimeYaml(AgentRuntime cr) {
    return AgentRuntimeFixtures.rendered(cr, RuntimeConfigMapRenderer::render)
        .getData()
        .get("runtime.yaml");
  }
}
