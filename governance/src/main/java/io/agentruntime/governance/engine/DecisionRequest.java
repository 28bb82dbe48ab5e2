package io.agentruntime.governance.engine;

import java.util.Map;
import java.util.Set;

/**
 * One governance question: may {@code principal} run {@code action} on {@code resource}?
 *
 * <p>Mapped to Cedar as principal {@code User::"<principal>"} (member of {@code Group::"<g>"} for
 * each group), action {@code Action::"<action>"}, resource {@code Runtime::"<resource>"}, and the
 * request's {@code context} object as Cedar context.
 *
 * @param principal caller id, from the mesh header or {@code context.user_id} in local mode
 * @param groups groups the caller belongs to (the principal's parents in Cedar)
 * @param action the intent name
 * @param resource the runtime, {@code <namespace>/<name>}
 * @param context JSON-like values: String, Boolean, Number, List, Map (nested)
 */
public record DecisionRequest(
    String principal,
    Set<String> groups,
    String action,
    String resource,
    Map<String, Object> context) {
  public DecisionRequest {
    groups = Set.copyOf(groups);
  }
}
