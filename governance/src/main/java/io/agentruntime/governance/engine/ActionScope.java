package io.agentruntime.governance.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The actions a policy's scope can match, read from Cedar's JSON form of the parsed policy.
 *
 * <p>Requests carry {@code Action::"<intent>"} without action-group parents, so {@code action in
 * Action::"x"} matches only {@code x}. Any scope this class does not recognise is treated as
 * unconstrained: the policy is then evaluated for every action and Cedar decides, which is always
 * correct, only slower.
 *
 * @param actions the intent names, or empty when the policy applies to every action
 */
record ActionScope(Optional<Set<String>> actions) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTION_TYPE = "Action";
  private static final ActionScope UNCONSTRAINED = new ActionScope(Optional.empty());

  ActionScope {
    actions = actions.map(Set::copyOf);
  }

  /** Reads the scope from the policy's JSON (EST) form as produced by cedar-java. */
  static ActionScope fromPolicyJson(String policyJson) {
    try {
      JsonNode action = JSON.readTree(policyJson).path("action");
      return switch (action.path("op").asText()) {
        case "==" -> scoped(Set.of(action.path("entity")));
        case "in" -> scoped(entities(action));
        default -> UNCONSTRAINED;
      };
    } catch (JsonProcessingException e) {
      // Evaluating the policy for every action stays correct when its scope cannot be read.
      return UNCONSTRAINED;
    }
  }

  boolean unconstrained() {
    return actions.isEmpty();
  }

  private static Set<JsonNode> entities(JsonNode action) {
    Set<JsonNode> entities = new LinkedHashSet<>();
    if (action.has("entity")) {
      entities.add(action.path("entity"));
    }
    action.path("entities").forEach(entities::add);
    return entities;
  }

  private static ActionScope scoped(Set<JsonNode> entities) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode entity : entities) {
      if (!ACTION_TYPE.equals(entity.path("type").asText()) || !entity.path("id").isTextual()) {
        return UNCONSTRAINED;
      }
      names.add(entity.path("id").asText());
    }
    return names.isEmpty() ? UNCONSTRAINED : new ActionScope(Optional.of(names));
  }
}
