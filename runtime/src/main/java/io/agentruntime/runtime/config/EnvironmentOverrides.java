package io.agentruntime.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Applies the documented environment variables to the parsed YAML tree before it is validated, so a
 * value from the environment is checked exactly like the key it fills: the {@code AGENT_*}
 * variables replace their keys, and {@code AWS_REGION} names the region of a DynamoDB store whose
 * file gives none (the pod's own region, which EKS sets).
 */
final class EnvironmentOverrides {

  private record Override(String variable, List<String> path) {}

  private static final List<Override> OVERRIDES =
      List.of(
          new Override("AGENT_RUNTIME_NAME", List.of("runtime", "name")),
          new Override("AGENT_RUNTIME_NAMESPACE", List.of("runtime", "namespace")),
          new Override("AGENT_SERVER_PORT", List.of("server", "port")),
          new Override("AGENT_MANAGEMENT_PORT", List.of("server", "management", "port")),
          new Override("AGENT_GOVERNANCE_MODE", List.of("governance", "mode")),
          new Override("AGENT_GOVERNANCE_EVALUATOR", List.of("governance", "evaluator")),
          new Override("AGENT_POLICY_DIR", List.of("governance", "store", "file", "directory")),
          new Override("AGENT_LOCAL_MODE", List.of("identity", "localMode")));

  private static final String POD_REGION = "AWS_REGION";
  private static final List<String> DYNAMODB_STORE = List.of("governance", "store", "dynamodb");

  private final Map<String, String> environment;

  EnvironmentOverrides(Map<String, String> environment) {
    this.environment = environment;
  }

  void apply(ObjectNode root) {
    for (Override override : OVERRIDES) {
      String value = environment.get(override.variable());
      if (value == null || value.isBlank()) {
        continue;
      }
      if (override.variable().equals("AGENT_POLICY_DIR")) {
        // A directory given on the command line is meant relative to where the command runs.
        value = Path.of(value).toAbsolutePath().toString();
      }
      ObjectNode parent = root;
      List<String> path = override.path();
      for (String key : path.subList(0, path.size() - 1)) {
        JsonNode child = parent.get(key);
        parent = child instanceof ObjectNode object ? object : parent.putObject(key);
      }
      parent.put(path.get(path.size() - 1), value.trim());
    }
    defaultThePodsRegion(root);
  }

  private void defaultThePodsRegion(ObjectNode root) {
    String region = environment.get(POD_REGION);
    JsonNode store = root;
    for (String key : DYNAMODB_STORE) {
      store = store == null ? null : store.get(key);
    }
    if (region != null
        && !region.isBlank()
        && store instanceof ObjectNode dynamoDb
        && (dynamoDb.get("region") == null || dynamoDb.get("region").isNull())) {
      dynamoDb.put("region", region.trim());
    }
  }
}
