package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The desired state of an {@link AgentRuntime}. Only {@code image} and {@code intents} are
 * required. The intents are a list keyed by name: under server-side apply each intent has its own
 * owner, and the API server refuses two of the same name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input =
        "{\"properties\": {\"intents\": {\"x-kubernetes-list-type\": \"map\","
            + " \"x-kubernetes-list-map-keys\": [\"name\"]},"
            + " \"mcpServers\": {\"x-kubernetes-list-type\": \"map\","
            + " \"x-kubernetes-list-map-keys\": [\"name\"]}}}")
@ValidationRule(
    value = "!has(self.async) || (has(self.governance) && has(self.governance.store))",
    message =
        "async needs governance.store.dynamodb: workers in other pods read the dispatches'"
            + " records from its table")
public class AgentRuntimeSpec {

  /**
   * Most intents of one runtime: the API server's estimated cost of the rules on each intent is
   * multiplied by it.
   */
  public static final int MAX_INTENTS = 128;

  /** Most MCP servers one runtime serves. */
  public static final int MAX_MCP_SERVERS = 32;

  /** Longest container image reference. */
  public static final int MAX_IMAGE_LENGTH = 512;

  @Required
  @Size(min = 1, max = MAX_IMAGE_LENGTH)
  @JsonPropertyDescription(
      "Container image of the runtime, e.g. ghcr.io/agentruntime/runtime:0.1.0.")
  private String image;

  @JsonPropertyDescription(
      "Bounds of the runtime's horizontal pod autoscaler. Defaults: min 2, max 10.")
  private ReplicaBounds replicas;

  @JsonPropertyDescription(
      "Compute resources of the runtime container. Defaults: requests cpu 250m, memory 512Mi;"
          + " limits cpu 2, memory 4Gi.")
  private RuntimeResources resources;

  @JsonPropertyDescription("Horizontal pod autoscaler tuning of the runtime.")
  private AutoscalingSpec autoscaling;

  @Required
  @Size(min = 1, max = AgentRuntimeSpec.MAX_INTENTS)
  @JsonPropertyDescription(
      "The intents callers may dispatch, each routed to one backend after the governance"
          + " decision.")
  private List<IntentSpec> intents;

  @JsonPropertyDescription("How requests are governed: enforcement mode and policy store.")
  private GovernanceSpec governance;

  @Size(max = AgentRuntimeSpec.MAX_MCP_SERVERS)
  @JsonPropertyDescription(
      "Upstream MCP servers the runtime serves as a governed gateway, each at /mcp/<name>: every"
          + " tool call is decided by the runtime's policies (Action::\"mcp:<name>/<tool>\") and"
          + " tools/list shows a caller only the tools it may call. Keyed by name.")
  private List<McpServerSpec> mcpServers;

  @JsonPropertyDescription(
      "An optional GPU model-server pool (OpenAI-compatible) that intents with an inference"
          + " backend call.")
  private InferenceSpec inference;

  @JsonPropertyDescription(
      "Istio traffic policy of the runtime; rendered only where Istio's CRDs exist.")
  private MeshSpec mesh;

  @JsonPropertyDescription("Multi-region locality failover of the runtime's traffic and store.")
  private FailoverSpec failover;

  @JsonPropertyDescription("Prometheus ServiceMonitor and alerting rules of the runtime.")
  private MonitoringSpec monitoring;

  @JsonPropertyDescription(
      "OpenTelemetry traces of every dispatch and chat completion, exported over OTLP/HTTP."
          + " Unset: the runtime traces nothing.")
  private TracingSpec tracing;

  @JsonPropertyDescription(
      "Long-running dispatches (Prefer: respond-async): queued on SQS and run by autoscaled"
          + " workers. Needs governance.store.dynamodb, where the dispatches' records are kept.")
  private AsyncSpec async;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public ReplicaBounds getReplicas() {
    return replicas;
  }

  public void setReplicas(ReplicaBounds replicas) {
    this.replicas = replicas;
  }

  public RuntimeResources getResources() {
    return resources;
  }

  public void setResources(RuntimeResources resources) {
    this.resources = resources;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }

  public List<IntentSpec> getIntents() {
    return intents;
  }

  public void setIntents(List<IntentSpec> intents) {
    this.intents = intents;
  }

  public GovernanceSpec getGovernance() {
    return governance;
  }

  public void setGovernance(GovernanceSpec governance) {
    this.governance = governance;
  }

  public InferenceSpec getInference() {
    return inference;
  }

  public void setInference(InferenceSpec inference) {
    this.inference = inference;
  }

  public MeshSpec getMesh() {
    return mesh;
  }

  public void setMesh(MeshSpec mesh) {
    this.mesh = mesh;
  }

  public FailoverSpec getFailover() {
    return failover;
  }

  public void setFailover(FailoverSpec failover) {
    this.failover = failover;
  }

  public MonitoringSpec getMonitoring() {
    return monitoring;
  }

  public void setMonitoring(MonitoringSpec monitoring) {
    this.monitoring = monitoring;
  }

  public TracingSpec getTracing() {
    return tracing;
  }

  public void setTracing(TracingSpec tracing) {
    this.tracing = tracing;
  }

  public List<McpServerSpec> getMcpServers() {
    return mcpServers;
  }

  public void setMcpServers(List<McpServerSpec> mcpServers) {
    this.mcpServers = mcpServers;
  }

  public AsyncSpec getAsync() {
    return async;
  }

  public void setAsync(AsyncSpec async) {
    this.async = async;
  }
}
