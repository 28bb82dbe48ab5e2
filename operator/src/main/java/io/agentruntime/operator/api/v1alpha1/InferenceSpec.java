package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A GPU model-server pool serving an OpenAI-compatible API to the runtime. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.modelCache) || !has(self.modelCache.accessMode)"
            + " || self.modelCache.accessMode != 'ReadWriteOnce'"
            + " || (has(self.replicas) && has(self.replicas.max) && self.replicas.max == 1)",
    message =
        "a ReadWriteOnce model cache holds one model server: set replicas.max to 1, or use a"
            + " storage class that offers ReadWriteMany (EFS on EKS)",
    fieldPath = ".modelCache.accessMode")
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input = "{\"properties\": {\"args\": {\"x-kubernetes-list-type\": \"atomic\"}}}")
public class InferenceSpec {

  @Size(min = 1, max = AgentRuntimeSpec.MAX_IMAGE_LENGTH)
  @Required
  @JsonPropertyDescription("Model-server image, e.g. vllm/vllm-openai:v0.11.0.")
  private String image;

  @Size(min = 1, max = 512)
  @Required
  @JsonPropertyDescription(
      "Model the server loads and the runtime requests, e.g."
          + " meta-llama/Llama-3.1-8B-Instruct.")
  private String model;

  @Size(max = 64)
  @JsonPropertyDescription("Extra model-server arguments.")
  private List<@Size(max = 1024) String> args;

  @JsonPropertyDescription("Bounds of the pool's autoscaler. Defaults: min 1, max 4.")
  private InferenceReplicaBounds replicas;

  @JsonPropertyDescription("GPUs per replica and the nodes that may provide them.")
  private GpuSpec gpu;

  @JsonPropertyDescription("The Karpenter NodePool providing GPU nodes.")
  private NodePoolSpec nodePool;

  @JsonPropertyDescription("A persistent volume caching the model weights.")
  private ModelCacheSpec modelCache;

  @JsonPropertyDescription(
      "How a new model-server version rolls out: Surge, Recreate or Auto "
          + "(recreate when no spare GPU). Default Auto.")
  private InferenceUpgrade upgrade;

  @JsonPropertyDescription(
      "CPU, memory and ephemeral storage of the model-server container, besides its GPUs"
          + " (gpu.count). Default, per GPU: requests of 2 CPUs and 12Gi memory, limits of 4 CPUs"
          + " and 12Gi memory.")
  private RuntimeResources resources;

  @JsonPropertyDescription(
      "Run the model server as the image's own user, root for most model-server images, instead"
          + " of the non-root user 10001 with a writable home. Only for images that cannot run as"
          + " another user (docs/inference.md lists them). Default false.")
  private Boolean runAsRoot;

  @JsonPropertyDescription(
      "The Prometheus pods the model servers' NetworkPolicy admits besides the runtime, to"
          + " scrape their queue depth. Default: pods labelled app.kubernetes.io/name: prometheus"
          + " in the namespace monitoring.")
  private MetricsScraperSpec metricsScraper;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public List<String> getArgs() {
    return args;
  }

  public void setArgs(List<String> args) {
    this.args = args;
  }

  public InferenceReplicaBounds getReplicas() {
    return replicas;
  }

  public void setReplicas(InferenceReplicaBounds replicas) {
    this.replicas = replicas;
  }

  public GpuSpec getGpu() {
    return gpu;
  }

  public void setGpu(GpuSpec gpu) {
    this.gpu = gpu;
  }

  public NodePoolSpec getNodePool() {
    return nodePool;
  }

  public void setNodePool(NodePoolSpec nodePool) {
    this.nodePool = nodePool;
  }

  public ModelCacheSpec getModelCache() {
    return modelCache;
  }

  public void setModelCache(ModelCacheSpec modelCache) {
    this.modelCache = modelCache;
  }

  public InferenceUpgrade getUpgrade() {
    return upgrade;
  }

  public void setUpgrade(InferenceUpgrade upgrade) {
    this.upgrade = upgrade;
  }

  public RuntimeResources getResources() {
    return resources;
  }

  public void setResources(RuntimeResources resources) {
    this.resources = resources;
  }

  public Boolean getRunAsRoot() {
    return runAsRoot;
  }

  public void setRunAsRoot(Boolean runAsRoot) {
    this.runAsRoot = runAsRoot;
  }

  public MetricsScraperSpec getMetricsScraper() {
    return metricsScraper;
  }

  public void setMetricsScraper(MetricsScraperSpec metricsScraper) {
    this.metricsScraper = metricsScraper;
  }
}
