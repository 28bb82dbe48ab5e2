package io.agentruntime.runtime.async;

import io.agentruntime.runtime.governance.DecisionLog;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision log's lines for long-running dispatches, one JSON line each beside the decision
 * lines: {@code "async": "queued"} when a dispatch is accepted, and {@code "async": "<status>"}
 * with its attempts and last problem when it ends.
 */
final class AsyncDecisionLog {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.LOGGER);

  private AsyncDecisionLog() {}

  static void queued(DispatchRecord record, String requestId) {
    if (LOG.isInfoEnabled()) {
      LOG.info(
          line(record, "queued")
              .put("requestId", requestId)
              .put("effect", record.decision().getString("effect"))
              .put("policies", record.decision().getValue("policies"))
              .encode());
    }
  }

  static void completed(DispatchRecord record) {
    if (LOG.isInfoEnabled()) {
      JsonObject line =
          line(record, record.status().displayName()).put("attempts", record.attemptCount());
      record.problem().ifPresent(problem -> line.put("problem", problem.getString("type")));
      LOG.info(line.encode());
    }
  }

  private static JsonObject line(DispatchRecord record, String event) {
    return new JsonObject()
        .put("time", Instant.now().toString())
        .put("async", event)
        .put("dispatchId", record.key().id())
        .put("runtime", record.key().runtime())
        .put("principal", record.principal())
        .put("intent", record.intent());
  }
}
