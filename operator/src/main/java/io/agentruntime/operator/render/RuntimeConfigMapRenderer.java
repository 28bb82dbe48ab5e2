package io.agentruntime.operator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.DynamoDbStoreSpec;
import io.agentruntime.operator.api.v1alpha1.GovernanceSpec;
import io.agentruntime.operator.api.v1alpha1.IntentBackend;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime's configuration file ({@code <n>-config}, key {@code runtime.yaml}) in the format of
 * docs/configuration.md, with every default written out so the file alone tells what runs.
 */
public final class RuntimeConfigMapRenderer {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build();

  private RuntimeConfigMapRenderer() {}

  /** The ConfigMap holding {@code cr}'s runtime configuration. */
  public static ConfigMap render(AgentRuntime cr) {
    return new ConfigMapBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.config(cr), Component.RUNTIME))
        .addToData(ResourceNames.CONFIG_KEY, runtimeYaml(cr))
        .build();
  }

  /** The configuration file's text. */
  static String runtimeYaml(AgentRuntime cr) {
    try {
      return YAML.writeValueAsString(runtimeConfig(cr));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the runtime configuration", e);
    }
  }

  private static Map<String, Object> runtimeConfig(AgentRuntime cr) {
    AgentRuntimeSpec spec = cr.getSpec();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(
        "runtime",
        OrderedFields.of(
            "name", cr.getMetadata().getName(), "namespace", cr.getMetadata().getNamespace()));
    config.put(
        "server",
        OrderedFields.of(
            "port",
            ResourceNames.RUNTIME_PORT,
            "management",
            OrderedFields.of("port", ResourceNames.RUNTIME_MANAGEMENT_PORT),
            "shutdownGracePeriod",
            AgentRuntimeDefaults.SHUTDOWN_GRACE_SECONDS + "s"));
    config.put("identity", identity(cr));
    config.put("governance", governance(spec));
    config.put("intents", spec.getIntents().stream().map(intent -> intent(cr, intent)).toList());
    return config;
  }

  /**
   * Identity comes from the mesh's principal header; {@code context.user_id} is for local runs
   * only. Groups come from a header only where the mesh writes it from a verified token's claim
   * ({@code spec.mesh.authentication.groupsClaim}): anywhere else a caller could name its own.
   */
  private static Map<String, Object> identity(AgentRuntime cr) {
    Map<String, Object> identity = OrderedFields.of("localMode", false);
    if (RuntimeRequestAuthenticationRenderer.groupsFromToken(cr)) {
      identity.put("groupsHeader", RuntimeRequestAuthenticationRenderer.GROUPS_HEADER);
    }
    return identity;
  }

  private static Map<String, Object> governance(AgentRuntimeSpec spec) {
    Map<String, Object> governance =
        OrderedFields.of(
            "mode", AgentRuntimeDefaults.governanceMode(spec).value(),
            "refreshInterval", AgentRuntimeDefaults.refreshInterval(spec),
            "maxStaleness", AgentRuntimeDefaults.maxStaleness(spec));
    GovernanceSpec section = spec.getGovernance();
    if (section != null && section.getStore() != null) {
      DynamoDbStoreSpec dynamodb = section.getStore().getDynamodb();
      Map<String, Object> table = OrderedFields.of("table", dynamodb.getTable());
      if (dynamodb.getRegion() != null) {
        table.put("region", dynamodb.getRegion());
      }
      governance.put("store", OrderedFields.of("dynamodb", table));
    }
    return governance;
  }

  private static Map<String, Object> intent(AgentRuntime cr, IntentSpec intent) {
    return OrderedFields.of(
        "name", intent.getName(),
        "timeout", AgentRuntimeDefaults.intentTimeout(intent),
        "backend", backend(cr, intent.getBackend()));
  }

  private static Map<String, Object> backend(AgentRuntime cr, IntentBackend backend) {
    if (backend.getUrl() != null) {
      return OrderedFields.of("type", "http", "url", backend.getUrl());
    }
    if (backend.getInference() != null) {
      return OrderedFields.of(
          "type", "openai",
          "url", ResourceNames.inferenceUrl(cr),
          "model", cr.getSpec().getInference().getModel());
    }
    return OrderedFields.of("type", "echo");
  }
}
