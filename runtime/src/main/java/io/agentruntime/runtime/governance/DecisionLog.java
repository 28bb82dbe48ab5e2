package io.agentruntime.runtime.governance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.Decision;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
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
  private static final JsonFactory JSON = new JsonFactory();

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
    RequestIds ids = limited.ids();
    String principal = limited.principal();
    String intent = limited.intent();
    boolean enforced = limited.enforced();
    if (!LOG.isInfoEnabled()) {
      return;
    }
    StringWriter out = new StringWriter(192);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", Instant.now().toString());
      writeIds(json, ids);
      json.writeStringField("principal", principal);
      json.writeStringField("intent", intent);
      json.writeStringField(
          "mode", (enforced ? EnforcementMode.ENFORCE : EnforcementMode.AUDIT).displayName());
      writeArray(json, limited.field(), policies);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    LOG.info(out.toString());
  }

  // Streamed rather than built as a JsonObject: this runs on the event loop for every request.
  static String line(RequestIds ids, String principal, String intent, Decision decision) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", Instant.now().toString());
      writeIds(json, ids);
      json.writeStringField("principal", principal);
      json.writeStringField("intent", intent);
      json.writeStringField("effect", decision.effect().displayName());
      json.writeStringField("mode", decision.mode().displayName());
      writeArray(json, "policies", decision.policies());
      writeArray(json, "auditDenials", decision.auditDenials());
      json.writeNumberField("micros", decision.evaluationNanos() / 1_000);
      if (!decision.errors().isEmpty()) {
        writeArray(json, "errors", decision.errors());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  private static void writeIds(JsonGenerator json, RequestIds ids) throws IOException {
    json.writeStringField("requestId", ids.id());
    if (ids.client().isPresent()) {
      json.writeStringField("clientRequestId", ids.client().get());
    }
  }

  private static void writeArray(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
