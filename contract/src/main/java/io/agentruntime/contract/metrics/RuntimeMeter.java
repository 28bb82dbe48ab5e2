package io.agentruntime.contract.metrics;

import java.util.Locale;

/**
 * Every meter the runtime exports, named once: the runtime registers them under {@link #meterName},
 * the operator's alerts and autoscaling queries and the chart's dashboard query them by {@link
 * #prometheusName}, and the metrics table of docs/api.md lists exactly these.
 */
public enum RuntimeMeter {
  DISPATCH_DURATION("agent.dispatch.duration", Kind.TIMER, "Time to answer POST /dispatch"),
  DISPATCH_REQUESTS(
      "agent.dispatch.requests",
      Kind.COUNTER,
      "Answers to POST /dispatch by intent, outcome and status code"),
  DISPATCH_FIRST_BYTE(
      "agent.dispatch.first.byte",
      Kind.TIMER,
      "Time from a streamed request's arrival to its first byte: decision and backend's first piece"),
  DECISION_DURATION(
      "agent.governance.decision.duration",
      Kind.TIMER,
      "Time spent deciding one governance request"),
  DECISIONS(
      "agent.governance.decisions",
      Kind.COUNTER,
      "Governance decisions by intent, effect and engine mode"),
  EVALUATOR_DISAGREEMENTS(
      "agent.governance.evaluator.disagreements",
      Kind.COUNTER,
      "Decisions of the JVM evaluator cedar-java disagreed with (shadow)"),
  EVALUATOR_FALLBACKS(
      "agent.governance.evaluator.fallbacks",
      Kind.COUNTER,
      "Installed policy sets the JVM evaluator left to cedar-java"),
  EVALUATOR_SHADOW_CHECKS(
      "agent.governance.evaluator.shadow.checks",
      Kind.COUNTER,
      "Decisions of the JVM evaluator checked against cedar-java (shadow)"),
  EVALUATOR_SHADOW_DROPPED(
      "agent.governance.evaluator.shadow.dropped",
      Kind.COUNTER,
      "Decisions not checked against cedar-java because its queue was full"),
  POLICY_SET_VERSION(
      "agent.policy.set.version",
      Kind.GAUGE,
      "Version of the installed policy set, -1 before the first"),
  POLICY_SET_AGE(
      "agent.policy.set.age", Kind.GAUGE_SECONDS, "Seconds since the policy store last answered"),
  POLICY_STORE_REQUESTS(
      "agent.policy.store.requests", Kind.COUNTER, "Policy store calls by operation and outcome"),
  BACKEND_DURATION("agent.backend.duration", Kind.TIMER, "Time one backend call took"),
  BACKEND_IN_FLIGHT(
      "agent.backend.in.flight",
      Kind.GAUGE,
      "Backend calls holding or waiting for a pooled connection"),
  BACKEND_POOL_MAX_CONNECTIONS(
      "agent.backend.pool.max.connections", Kind.GAUGE, "Size of the backend's connection pool"),
  BACKEND_REJECTED(
      "agent.backend.rejected",
      Kind.COUNTER,
      "Backend calls refused unsent because the backend's bulkhead was full"),
  RATE_LIMIT_DECISIONS(
      "agent.rate.limit.decisions",
      Kind.COUNTER,
      "Rate limit bucket checks by intent, policy and outcome"),
  BUDGET_DECISIONS(
      "agent.budget.decisions", Kind.COUNTER, "Budget reservations by intent, policy and outcome"),
  TOKENS(
      "agent.tokens",
      Kind.COUNTER,
      "Tokens consumed by dispatches, by intent and kind (prompt or completion)"),
  COST(
      "agent.cost.usd",
      Kind.COUNTER,
      "US dollars dispatches cost, by intent, priced from the intent's backend.price"),
  IDEMPOTENCY_REPLAYS(
      "agent.idempotency.replays",
      Kind.COUNTER,
      "Answers replayed for a repeated Idempotency-Key, by where they were kept"),
  IDEMPOTENCY_MEMORY(
      "agent.idempotency.memory",
      Kind.GAUGE_BYTES,
      "Bytes of Idempotency-Key answers kept in this pod's memory"),
  MCP_REQUESTS(
      "agent.mcp.requests",
      Kind.COUNTER,
      "Messages to the MCP gateway by server, method and outcome"),
  MCP_TOOL_CALLS(
      "agent.mcp.tool.calls",
      Kind.COUNTER,
      "Tool calls through the MCP gateway by server, tool and outcome"),
  MCP_TOOL_CALL_DURATION(
      "agent.mcp.tool.call.duration",
      Kind.TIMER,
      "Time to answer one tool call through the MCP gateway"),
  HTTP_CONNECTIONS("agent.http.connections", Kind.GAUGE, "Connections open on the listener"),
  HTTP_CONNECTIONS_REFUSED(
      "agent.http.connections.refused",
      Kind.COUNTER,
      "Connections closed at once because the listener held its maximum"),
  ASYNC_QUEUED(
      "agent.async.queued",
      Kind.COUNTER,
      "Dispatches accepted with Prefer: respond-async and queued, by intent"),
  ASYNC_ATTEMPTS(
      "agent.async.attempts",
      Kind.COUNTER,
      "Attempts workers began, by intent and attempt number (1, 2, 3, 4+)"),
  ASYNC_FINISHED(
      "agent.async.finished",
      Kind.COUNTER,
      "Long-running dispatches ended, by intent and outcome (succeeded, failed, cancelled, expired)"),
  ASYNC_IN_FLIGHT("agent.async.in.flight", Kind.GAUGE, "Dispatches this worker is running"),
  ASYNC_QUEUE_AGE(
      "agent.async.queue.age",
      Kind.GAUGE_SECONDS,
      "How long ago the longest waiting message of this worker's last receive was first queued;"
          + " 0 when that receive found none"),
  ASYNC_TASK_DURATION(
      "agent.async.task.duration",
      Kind.TIMER,
      "Time one attempt of a long-running dispatch took, by intent and outcome");

  /**
   * What a meter measures, which decides the suffix its Prometheus name gets: Micrometer's
   * Prometheus registry appends {@code _seconds} to timers, {@code _total} to counters and the base
   * unit to gauges that have one.
   */
  public enum Kind {
    /**
     * A histogram of durations: {@code _seconds}, with {@code _bucket}, {@code _count}, {@code
     * _sum}.
     */
    TIMER("_seconds", "seconds"),
    /** A monotonic count: {@code _total}. */
    COUNTER("_total", null),
    /** A value without a unit. */
    GAUGE("", null),
    /** A value in seconds: {@code _seconds}. */
    GAUGE_SECONDS("_seconds", "seconds"),
    /** A value in bytes: {@code _bytes}. */
    GAUGE_BYTES("_bytes", "bytes");

    private final String suffix;
    private final String baseUnit;

    Kind(String suffix, String baseUnit) {
      this.suffix = suffix;
      this.baseUnit = baseUnit;
    }

    /** The base unit a gauge is registered with, or null. */
    public String baseUnit() {
      return baseUnit;
    }
  }

  /** The {@code intent} label of requests whose intent is missing or not configured. */
  public static final String UNKNOWN_INTENT = "_unknown";

  /**
   * The {@code tool} and {@code method} label of MCP calls to a tool or method the gateway has not
   * seen listed: callers name tools freely, so only listed names become labels.
   */
  public static final String OTHER_MCP_NAME = "_other";

  private final String meterName;
  private final Kind kind;
  private final String description;

  RuntimeMeter(String meterName, Kind kind, String description) {
    this.meterName = meterName;
    this.kind = kind;
    this.description = description;
  }

  /** The name the runtime registers, e.g. {@code agent.dispatch.requests}. */
  public String meterName() {
    return meterName;
  }

  public Kind kind() {
    return kind;
  }

  /** The {@code # HELP} text of the meter. */
  public String description() {
    return description;
  }

  /** The name of the Prometheus series, e.g. {@code agent_dispatch_requests_total}. */
  public String prometheusName() {
    return meterName.replace('.', '_') + kind.suffix;
  }

  /**
   * One series of a histogram, e.g. {@code agent_dispatch_duration_seconds_bucket}.
   *
   * @param series {@code bucket}, {@code count} or {@code sum}
   * @throws IllegalStateException for a meter that is not a histogram
   */
  public String histogramSeries(String series) {
    if (kind != Kind.TIMER) {
      throw new IllegalStateException(this + " is not a histogram");
    }
    return prometheusName() + "_" + series.toLowerCase(Locale.ROOT);
  }
}
