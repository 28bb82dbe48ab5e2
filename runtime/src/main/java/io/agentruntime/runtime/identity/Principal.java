package io.agentruntime.runtime.identity;

import java.util.Set;

/**
 * The caller of a request: Cedar principal {@code User::"<id>"}, member of {@code Group::"<g>"} for
 * each group.
 */
public record Principal(String id, Set<String> groups) {
  public Principal {
    groups = Set.copyOf(groups);
  }
}
