package io.agentruntime.runtime.governance;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.DecisionRequest;
import io.agentruntime.governance.engine.GovernanceEngine;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.intent.Intent;
import java.util.Map;

/**
 * Asks the engine about one request and leaves the trace every decision must leave: metrics and the
 * decision log line. CPU only, safe on an event loop.
 */
public final class RequestGovernor {

  private final GovernanceEngine engine;
  private final String resource;
  private final DecisionLog decisionLog;

  /**
   * @param resource the Cedar resource id of this runtime, {@code <namespace>/<name>}
   */
  public RequestGovernor(GovernanceEngine engine, String resource, DecisionLog decisionLog) {
    this.engine = engine;
    this.resource = resource;
    this.decisionLog = decisionLog;
  }

  /** Decides whether {@code principal} may run {@code intent} with {@code context}. */
  public Decision decide(
      RequestIds ids, Principal principal, Intent intent, Map<String, Object> context) {
    Decision decision =
        engine.decide(
            new DecisionRequest(
                principal.id(), principal.groups(), intent.name(), resource, context));
    intent.meters().recordDecision(decision);
    decisionLog.record(ids, principal.id(), intent.name(), decision);
    return decision;
  }

  /**
   * Decides whether {@code principal} may run {@code action}, an action that is not an intent (an
   * MCP tool): logged when {@code logged}, metered by the caller.
   */
  public Decision decideAction(
      RequestIds ids,
      Principal principal,
      String action,
      Map<String, Object> context,
      boolean logged) {
    Decision decision =
        engine.decide(
            new DecisionRequest(principal.id(), principal.groups(), action, resource, context));
    if (logged) {
      decisionLog.record(ids, principal.id(), action, decision);
    }
    return decision;
  }

  public long policySetVersion() {
    return engine.policySetVersion();
  }

  public int policyCount() {
    return engine.policyCount();
  }
}
