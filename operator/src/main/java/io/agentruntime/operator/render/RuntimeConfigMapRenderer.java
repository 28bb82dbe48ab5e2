package io.agentruntime.operator.render;

import io.agentruntime.contract.config.AsyncConfig;
import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.ContextLimits;
import io.agentruntime.contract.config.GovernanceConfig;
import io.agentruntime.contract.config.IdempotencyConfig;
import io.agentruntime.contract.config.IdentityConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.config.McpServerConfig;
import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.contract.config.RateLimitConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.contract.config.RuntimeConfigFormat;
import io.agentruntime.contract.config.RuntimeIdentity;
import io.agentruntime.contract.config.ServerConfig;
import io.agentruntime.contract.config.TracingConfig;
import io.agentruntime.governance.Durations;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.DynamoDbStoreSpec;
import io.agentruntime.operator.api.v1alpha1.GovernanceSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceBackend;
import io.agentruntime.operator.api.v1alpha1.IntentBackend;
import io.agentruntime.operator.api.v1alpha1.McpHeaderSpec;
import io.agentruntime.operator.api.v1alpha1.McpServerSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The runtime's configuration file ({@code <n>-config}, key {@code runtime.yaml}): the spec as the
 * runtime's own configuration records, written by the runtime's own format ({@link
 * RuntimeConfigFormat}), so a key exists once for both.
 */
public final class RuntimeConfigMapRenderer {

  private RuntimeConfigMapRenderer() {}

  /** The ConfigMap holding {@code cr}'s runtime configuration. */
  public static ConfigMap render(AgentRuntime cr, EffectiveSpec spec) {
    return new ConfigMapBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.config(cr), Component.RUNTIME))
        .addToData(ResourceNames.CONFIG_KEY, RuntimeConfigFormat.write(runtimeConfig(cr, spec)))
        .build();
  }

  /** The configuration {@code cr}'s runtime pods run with. */
  static RuntimeConfig runtimeConfig(AgentRuntime cr, EffectiveSpec spec) {
    RuntimeIdentity runtime =
        new RuntimeIdentity(cr.getMetadata().getName(), cr.getMetadata().getNamespace());
    return new RuntimeConfig(
        runtime,
        ServerConfig.listening(
            ResourceNames.RUNTIME_PORT,
            ResourceNames.RUNTIME_MANAGEMENT_PORT,
            Duration.ofSeconds(AgentRuntimeDefaults.SHUTDOWN_GRACE_SECONDS)),
        identity(cr),
        governance(spec, runtime),
        IdempotencyConfig.DEFAULT,
        RateLimitConfig.DEFAULT,
        IntStream.range(0, spec.intents().size())
            .mapToObj(i -> intent(cr, "spec.intents[" + i + "]", spec.intents().get(i)))
            .toList(),
        mcpServers(spec.written()),
        async(cr, spec),
        tracing(spec));
  }

  /** {@code spec.tracing}; unset, the runtime traces nothing. */
  private static Optional<TracingConfig> tracing(EffectiveSpec spec) {
    return spec.tracing()
        .map(tracing -> new TracingConfig(URI.create(tracing.endpoint()), tracing.samplingRatio()));
  }

  /**
   * {@code spec.async}, once its queue's URL is known: the records in the governance table (the
   * only place a runtime and its workers in other pods share), no worker in the serving pods.
   */
  private static Optional<AsyncConfig> async(AgentRuntime cr, EffectiveSpec spec) {
    return AsyncDefaults.queueUrl(cr)
        .map(
            url ->
                new AsyncConfig(
                    new AsyncConfig.Sqs(
                        URI.create(url), AsyncDefaults.region(cr), Optional.empty()),
                    AsyncConfig.Records.DYNAMODB,
                    new AsyncConfig.Worker(
                        false,
                        spec.asyncSettings().messagesPerWorker(),
                        spec.asyncSettings().visibilityTimeout(),
                        AsyncConfig.Worker.DEFAULT_WAIT_TIME)));
  }

  /**
   * {@code spec.mcpServers}; the runtime serves each at {@code /mcp/<name>}. A header from a Secret
   * is the file its key is mounted at ({@link McpHeaderSecrets}), never the value.
   */
  private static List<McpServerConfig> mcpServers(AgentRuntimeSpec spec) {
    List<McpServerSpec> servers = Optional.ofNullable(spec.getMcpServers()).orElse(List.of());
    return IntStream.range(0, servers.size())
        .mapToObj(i -> mcpServer("spec.mcpServers[" + i + "]", servers.get(i)))
        .toList();
  }

  private static McpServerConfig mcpServer(String field, McpServerSpec server) {
    List<McpHeaderSpec> headers = Optional.ofNullable(server.getHeaders()).orElse(List.of());
    Map<String, McpServerConfig.HeaderValue> values = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      values.put(headers.get(i).getName(), McpHeaderSecrets.valueOf(server, i));
    }
    return new McpServerConfig(
        server.getName(),
        URI.create(server.getUrl()),
        server.getTimeout() == null
            ? McpServerConfig.DEFAULT_TIMEOUT
            : duration(field + ".timeout", server.getTimeout()),
        values);
  }

  /**
   * Identity comes from the mesh's principal header; {@code context.user_id} is for local runs
   * only. Groups come from a header only where the mesh writes it from a verified token's claim
   * ({@code spec.mesh.authentication.groupsClaim}): anywhere else a caller could name its own.
   */
  private static IdentityConfig identity(AgentRuntime cr) {
    Optional<String> groupsHeader =
        RuntimeRequestAuthenticationRenderer.groupsFromToken(cr)
            ? Optional.of(RuntimeRequestAuthenticationRenderer.GROUPS_HEADER)
            : Optional.empty();
    return new IdentityConfig(IdentityConfig.DEFAULT_PRINCIPAL_HEADER, groupsHeader, false, false);
  }

  private static GovernanceConfig governance(EffectiveSpec spec, RuntimeIdentity runtime) {
    return new GovernanceConfig(
        spec.governance().mode().enforcementMode(),
        GovernanceConfig.DEFAULT_EVALUATOR,
        duration("spec.governance.refreshInterval", spec.governance().refreshInterval()),
        duration("spec.governance.maxStaleness", spec.governance().maxStaleness()),
        store(spec.written().getGovernance(), runtime),
        ContextLimits.defaults());
  }

  /**
   * The DynamoDB table of {@code spec.governance.store}; without a region the runtime reads its
   * pod's. Without a store, the policy files beside the configuration.
   */
  private static PolicyStoreConfig store(GovernanceSpec governance, RuntimeIdentity runtime) {
    if (governance == null || governance.getStore() == null) {
      return PolicyStoreConfig.File.DEFAULT;
    }
    DynamoDbStoreSpec dynamodb = governance.getStore().getDynamodb();
    List<PolicyStoreConfig.Region> regions =
        dynamodb.getRegion() == null
            ? List.of()
            : List.of(new PolicyStoreConfig.Region(dynamodb.getRegion(), Optional.empty()));
    return new PolicyStoreConfig.DynamoDb(
        dynamodb.getTable(), new PolicySetKey(runtime.namespace(), runtime.name()), regions);
  }

  private static IntentConfig intent(AgentRuntime cr, String field, EffectiveSpec.Intent intent) {
    return new IntentConfig(
        intent.name(),
        duration(field + ".timeout", intent.timeout()),
        new IntentConfig.Streaming(
            duration(field + ".firstByteTimeout", intent.firstByteTimeout()),
            duration(field + ".idleTimeout", intent.idleTimeout())),
        backend(cr, intent.written().getBackend()),
        intent.async());
  }

  private static BackendConfig backend(AgentRuntime cr, IntentBackend backend) {
    if (backend.getUrl() != null) {
      return new BackendConfig.Http(URI.create(backend.getUrl()), BackendConfig.Pool.DEFAULT);
    }
    if (backend.getInference() != null) {
      InferenceBackend inference = backend.getInference();
      return new BackendConfig.OpenAi(
          URI.create(ResourceNames.inferenceUrl(cr)),
          cr.getSpec().getInference().getModel(),
          BackendConfig.Pool.DEFAULT,
          inference.getMaxTokens() == null
              ? OptionalInt.empty()
              : OptionalInt.of(inference.getMaxTokens()),
          Optional.ofNullable(inference.getPrice())
              .map(
                  price ->
                      new BackendConfig.Price(
                          new BigDecimal(price.getPromptPerMillion()),
                          new BigDecimal(price.getCompletionPerMillion()))));
    }
    return new BackendConfig.Echo();
  }

  /** A duration the validator has checked: a malformed one here is a bug, named by its field. */
  private static Duration duration(String field, String text) {
    return Durations.parse(text)
        .orElseThrow(
            () -> new IllegalArgumentException(field + ": '" + text + "' is not a duration"));
  }
}
