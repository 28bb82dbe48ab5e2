package io.agentruntime.governance.engine;

import io.agentruntime.governance.engine.jvm.CompiledPolicy;
import java.util.List;

/**
 * The compiled policies that can apply to one action, for the JVM evaluator: each evaluated once
 * per request, with its enforcement mode.
 */
final class JvmActionPolicies {
  private final CompiledPolicy[] policies;
  private final boolean[] audit;
  private final boolean hasAudit;

  /**
   * @param policies the policies, enforced and Audit-mode
   * @param audit for each policy, whether it is in Audit mode
   */
  JvmActionPolicies(List<CompiledPolicy> policies, List<Boolean> audit) {
    this.policies = policies.toArray(CompiledPolicy[]::new);
    this.audit = new boolean[audit.size()];
    boolean any = false;
    for (int i = 0; i < this.audit.length; i++) {
      this.audit[i] = audit.get(i);
      any |= this.audit[i];
    }
    this.hasAudit = any;
  }

  int size() {
    return policies.length;
  }

  CompiledPolicy policy(int index) {
    return policies[index];
  }

  boolean audit(int index) {
    return audit[index];
  }

  boolean hasAudit() {
    return hasAudit;
  }
}
