package io.agentruntime.runtime.governance;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.Decision;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one JSON line per governance decision to the {@value #LOGGER} logger (written in batches
 * off the event loop by {@link BatchedLineAppender}, see logback.xml): the audit trail, including
 * the denials Audit-mode policies would have made.
 */
public final class DecisionLog {

  /** The logger name; route it separately to keep decisions apart from operational logs. */
  public static final String LOGGER = "agentruntime.decision";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  /** Logs {@code decision} about {@code principal} running {@code intent}. */
  public void record(RequestIds ids, String principal, String intent, Decision decision) {
    if (LOG.isInfoEnabled()) {
      LOG.info(line(ids, principal, intent, decision));
    }
  }

  /**
   * Logs that {@code principal}'s allowed request exhausted the rate limits of {@code policies}: a
   * second line for the same request id, written only when a limit ran out.
   *
   * @param enforced whether the request was rejected (429) or, in Audit mode, only counted
   */
  public void recordRateLimited(
      RequestIds ids, String principal, String intent, List<String> policies, boolean enforced) {
    recordLimited(new Limited(ids, principal, intent, "rateLimited", enforced), policies);
  }

  /**
   * Logs that {@code principal}'s allowed request did not fit in the budgets of {@code policies}: a
   * second line for the same request id, written only when a budget ran out.
   *
   * @param enforced whether the request was rejected (429) or, in Audit mode, only counted
   */
  public void recordBudgetExhausted(
      RequestIds ids, String principal, String intent, List<String> policies, boolean enforced) {
    recordLimited(new Limited(ids, principal, intent, "budgetExhausted", enforced), policies);
  }

  /** Who ran into a limit, and the field of the line that names the limited policies. */
  private record Limited(
      RequestIds ids, String principal, String intent, String field, boolean enforced) {}

  private void recordLimited(Limited limited, List<String> policies) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    LOG.info(
        start(limited.ids(), limited.principal(), limited.intent())
            .field(
                "mode",
                (limited.enforced() ? EnforcementMode.ENFORCE : EnforcementMode.AUDIT)
                    .displayName())
            .array(limited.field(), policies)
            .end());
  }

  // Appended to a StringBuilder rather than built as a JsonObject or through a JsonGenerator: this
  // runs on the event loop for every request.
  static String line(RequestIds ids, String principal, String intent, Decision decision) {
    JsonLine line =
        start(ids, principal, intent)
            .field("effect", decision.effect().displayName())
            .field("mode", decision.mode().displayName())
            .array("policies", decision.policies())
            .array("auditDenials", decision.auditDenials())
            .number("micros", decision.evaluationNanos() / 1_000);
    if (!decision.errors().isEmpty()) {
      line.array("errors", decision.errors());
    }
    return line.end();
  }

  private static JsonLine start(RequestIds ids, String principal, String intent) {
    JsonLine line = new JsonLine().field("time", LogTime.now()).field("requestId", ids.id());
    ids.client().ifPresent(client -> line.field("clientRequestId", client));
    return line.field("principal", principal).field("intent", intent);
  }
}
