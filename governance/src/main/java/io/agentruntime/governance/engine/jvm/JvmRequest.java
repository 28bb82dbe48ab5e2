package io.agentruntime.governance.engine.jvm;

import java.util.Map;
import java.util.Set;

/**
 * The request a compiled policy reads, in the entity model the governance engine gives Cedar: the
 * principal {@code User::"<id>"} is the only entity that exists, and its parents are {@code
 * Group::"<g>"} for each group; the action and resource exist only as references.
 *
 * <p>The context is the runtime's parsed JSON object, read in place; it must have passed {@link
 * ContextCheck}.
 */
public final class JvmRequest {
  private static final String USER = "User";
  private static final String GROUP = "Group";
  private static final String ACTION = "Action";
  private static final String RUNTIME = "Runtime";

  private final EntityUid principal;
  private final Set<String> groups;
  private final EntityUid action;
  private final EntityUid resource;
  private final Map<String, Object> context;

  public JvmRequest(
      String principal,
      Set<String> groups,
      String action,
      String resource,
      Map<String, Object> context) {
    this.principal = new EntityUid(USER, principal);
    this.groups = groups;
    this.action = new EntityUid(ACTION, action);
    this.resource = new EntityUid(RUNTIME, resource);
    this.context = context == null ? Map.of() : context;
  }

  EntityUid principal() {
    return principal;
  }

  EntityUid action() {
    return action;
  }

  EntityUid resource() {
    return resource;
  }

  Map<String, Object> context() {
    return context;
  }

  /** Whether {@code uid} names the one entity the request's entity store holds. */
  boolean exists(EntityUid uid) {
    return principal.equals(uid);
  }

  /** Cedar's {@code in}: the entity itself or one of its ancestors. */
  boolean isIn(EntityUid child, EntityUid ancestor) {
    if (child.equals(ancestor)) {
      return true;
    }
    return ancestor.type().equals(GROUP) && exists(child) && groups.contains(ancestor.id());
  }
}
