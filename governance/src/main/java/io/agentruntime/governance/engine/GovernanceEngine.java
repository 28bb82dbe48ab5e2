package io.agentruntime.governance.engine;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicySetSnapshot;

/**
 * Decides governance requests with Cedar against the currently installed policy set.
 *
 * <p>Thread-safe and non-blocking: {@link #decide} may run on an event loop. {@link #install}
 * parses a new set and swaps it in atomically; on a parse error the previous set stays.
 */
public final class GovernanceEngine {

  public GovernanceEngine(EnforcementMode mode) {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /** Parses and atomically installs {@code snapshot}; the last good set stays on error. */
  public void install(PolicySetSnapshot snapshot) throws PolicySetCompilationException {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /** Decides one request; never throws for request content (errors deny). */
  public Decision decide(DecisionRequest request) {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /** Whether a policy set has been installed (readiness). */
  public boolean hasPolicySet() {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /** Version of the installed set, or -1 before the first install. */
  public long policySetVersion() {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /** Number of policies in the installed set. */
  public int policyCount() {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  public EnforcementMode mode() {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }
}
