package io.agentruntime.runtime.governance;

import io.agentruntime.governance.engine.Decision;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one JSON line per governance decision to the {@value #LOGGER} logger (asynchronous
 * appender, see logback.xml): the audit trail, including the denials Audit-mode policies would have
 * made.
 */
public final class DecisionLog {

  /** The logger name; route it separately to keep decisions apart from operational logs. */
  public static final String LOGGER = "agentruntime.decision";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  /** Logs {@code decision} about {@code principal} running {@code intent}. */
  public void record(String requestId, String principal, String intent, Decision decision) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    JsonObject line =
        new JsonObject()
            .put("time", Instant.now().toString())
            .put("requestId", requestId)
            .put("principal", principal)
            .put("intent", intent)
            .put("effect", decision.effect().displayName())
            .put("mode", decision.mode().displayName())
            .put("policies", new JsonArray(decision.policies()))
            .put("auditDenials", new JsonArray(decision.auditDenials()))
            .put("micros", decision.evaluationNanos() / 1_000);
    if (!decision.errors().isEmpty()) {
      line.put("errors", new JsonArray(decision.errors()));
    }
    LOG.info(line.encode());
  }
}
