package io.agentruntime.governance.engine;

import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.Value;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A governance request in Cedar's terms: {@code User::"<principal>"} (child of {@code Group::"<g>"}
 * for each group), {@code Action::"<action>"}, {@code Runtime::"<resource>"}.
 */
record CedarCall(AuthorizationRequest request, Set<Entity> entities) {
  private static final EntityTypeName USER = type("User");
  private static final EntityTypeName GROUP = type("Group");
  private static final EntityTypeName ACTION = type("Action");
  private static final EntityTypeName RUNTIME = type("Runtime");

  static CedarCall of(MemoKey key, Map<String, Value> context) {
    return of(key.principal(), key.groups(), key.action(), key.resource(), context);
  }

  static CedarCall of(DecisionRequest request, Map<String, Value> context) {
    return of(request.principal(), request.groups(), request.action(), request.resource(), context);
  }

  private static CedarCall of(
      String principalId,
      Set<String> groups,
      String action,
      String resource,
      Map<String, Value> context) {
    Set<EntityUID> parents = new HashSet<>();
    for (String group : groups) {
      parents.add(GROUP.of(group));
    }
    EntityUID principal = USER.of(principalId);
    AuthorizationRequest request =
        new AuthorizationRequest(principal, ACTION.of(action), RUNTIME.of(resource), context);
    return new CedarCall(request, Set.of(new Entity(principal, parents)));
  }

  private static EntityTypeName type(String name) {
    return EntityTypeName.parse(name).orElseThrow();
  }
}
