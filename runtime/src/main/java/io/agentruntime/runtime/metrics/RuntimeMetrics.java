package io.agentruntime.runtime.metrics;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.Effect;
import io.agentruntime.governance.engine.EvaluatorListener;
import io.agentruntime.runtime.backend.Backend;
import io.agentruntime.runtime.http.ConnectionGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Every runtime meter, named exactly as DESIGN §7 lists them. Meters are created up front per
 * configured intent so the request path only reads prepared objects; requests naming an unknown
 * intent share the {@value #UNKNOWN_INTENT} label, so callers cannot grow the label set.
 */
public final class RuntimeMetrics implements AutoCloseable {

  public static final String DISPATCH_DURATION = "agent.dispatch.duration";
  public static final String DISPATCH_REQUESTS = "agent.dispatch.requests";
  public static final String DECISION_DURATION = "agent.governance.decision.duration";
  public static final String DECISIONS = "agent.governance.decisions";
  public static final String POLICY_SET_VERSION = "agent.policy.set.version";
  public static final String POLICY_SET_AGE = "agent.policy.set.age";
  public static final String POLICY_STORE_REQUESTS = "agent.policy.store.requests";
  public static final String BACKEND_DURATION = "agent.backend.duration";
  public static final String BACKEND_IN_FLIGHT = "agent.backend.in.flight";
  public static final String BACKEND_POOL_MAX_CONNECTIONS = "agent.backend.pool.max.connections";
  public static final String BACKEND_REJECTED = "agent.backend.rejected";
  public static final String RATE_LIMIT_DECISIONS = "agent.rate.limit.decisions";
  public static final String IDEMPOTENCY_REPLAYS = "agent.idempotency.replays";
  public static final String EVALUATOR_DISAGREEMENTS = "agent.governance.evaluator.disagreements";
  public static final String EVALUATOR_FALLBACKS = "agent.governance.evaluator.fallbacks";
  public static final String EVALUATOR_SHADOW_DROPPED = "agent.governance.evaluator.shadow.dropped";
  public static final String EVALUATOR_SHADOW_CHECKS = "agent.governance.evaluator.shadow.checks";
  public static final String IDEMPOTENCY_MEMORY = "agent.idempotency.memory";
  public static final String HTTP_CONNECTIONS = "agent.http.connections";
  public static final String HTTP_CONNECTIONS_REFUSED = "agent.http.connections.refused";

  /** The {@code intent} label of requests whose intent is missing or not configured. */
  public static final String UNKNOWN_INTENT = "_unknown";

  /** From 100 µs to 30 s, fine enough to read p50/p95/p99 of a sub-millisecond service. */
  private static final Duration[] BUCKETS =
      millis(
          0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200,
          300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, IntentMeters> intents = new HashMap<>();
  private final IntentMeters unknownIntent;
  private final Timer[] decisionDurations = new Timer[Effect.values().length];
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  /**
   * @param intentBackends backend type ({@code echo}, {@code http}, ...) of each configured intent
   */
  public RuntimeMetrics(Map<String, String> intentBackends) {
    // Two processor meters break Prometheus naming rules (promtool rejects "_ns_total" and a gauge
    // ending in "_count"); process_cpu_usage and system_cpu_usage still cover CPU.
    registry
        .config()
        .meterFilter(
            MeterFilter.deny(
                id ->
                    id.getName().equals("process.cpu.time")
                        || id.getName().equals("system.cpu.count")));
    intentBackends.forEach(
        (intent, backend) -> intents.put(intent, new IntentMeters(registry, intent, backend)));
    unknownIntent = new IntentMeters(registry, UNKNOWN_INTENT, "none");
    for (Effect effect : Effect.values()) {
      decisionDurations[effect.ordinal()] =
          histogram(DECISION_DURATION, "Time spent deciding one governance request")
              .tag("decision", effect.displayName())
              .register(registry);
    }
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  static Timer.Builder histogram(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .serviceLevelObjectives(BUCKETS)
        .publishPercentileHistogram(false);
  }

  /** Records one {@code /dispatch} answer; {@code intent} may be null or unknown. */
  public void recordDispatch(String intent, int status, long nanos) {
    meters(intent).recordDispatch(status, nanos);
  }

  /** Records one governance decision for a configured intent. */
  public void recordDecision(String intent, Decision decision) {
    decisionDurations[decision.effect().ordinal()].record(
        decision.evaluationNanos(), TimeUnit.NANOSECONDS);
    meters(intent).recordDecision(decision);
  }

  /** Records the time one backend call took, successful or not. */
  public void recordBackend(String intent, long nanos) {
    meters(intent).recordBackend(nanos);
  }

  /** Exposes the policy set's version and age (seconds since the store last answered). */
  public void bindPolicySet(DoubleSupplier version, DoubleSupplier ageSeconds) {
    // Strong references: the suppliers are usually method references nothing else holds, and a
    // gauge's default weak reference would let a GC turn them into NaN.
    Gauge.builder(POLICY_SET_VERSION, version, DoubleSupplier::getAsDouble)
        .description("Version of the installed policy set, -1 before the first")
        .strongReference(true)
        .register(registry);
    Gauge.builder(POLICY_SET_AGE, ageSeconds, DoubleSupplier::getAsDouble)
        .description("Seconds since the policy store last answered")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  /**
   * Exposes the bulkhead of every backend that has one: calls in flight, pool size and rejected
   * calls, labelled with the intent and the backend type.
   */
  public void bindBackends(Map<String, Backend> backends) {
    backends.forEach(
        (intent, backend) ->
            backend
                .bulkhead()
                .ifPresent(
                    bulkhead -> BulkheadMeters.bind(registry, intent, backend.type(), bulkhead)));
  }

  /** The counter of policy store calls with these labels. */
  public Counter policyStoreRequests(String operation, String region, String outcome) {
    return Counter.builder(POLICY_STORE_REQUESTS)
        .description("Policy store calls by operation and outcome")
        .tag("operation", operation)
        .tag("region", region)
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * The counter of rate limit checks of one policy's bucket for {@code intent}.
   *
   * @param outcome {@code granted}, {@code limited} or {@code store_error}
   */
  public Counter rateLimitDecisions(String intent, String policy, String outcome) {
    return Counter.builder(RATE_LIMIT_DECISIONS)
        .description("Rate limit bucket checks by intent, policy and outcome")
        .tag("intent", intent)
        .tag("policy", policy)
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * The counter of answers replayed for a repeated {@code Idempotency-Key}.
   *
   * @param store where the replayed answer came from: {@code memory} or {@code dynamodb}
   */
  public Counter idempotencyReplays(String store) {
    return Counter.builder(IDEMPOTENCY_REPLAYS)
        .description("Answers replayed for a repeated Idempotency-Key, by where they were kept")
        .tag("store", store)
        .register(registry);
  }

  /** The meters of the governance evaluators: fallbacks to cedar-java and {@code shadow} checks. */
  public EvaluatorListener governanceEvaluator() {
    return new EvaluatorMeters(registry);
  }

  /** Exposes the bytes of {@code Idempotency-Key} answers this pod keeps in memory. */
  public void bindIdempotencyMemory(LongSupplier bytes) {
    Gauge.builder(IDEMPOTENCY_MEMORY, bytes, LongSupplier::getAsLong)
        .description("Bytes of Idempotency-Key answers kept in this pod's memory")
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
  }

  /**
   * Exposes the connections a listener holds and those it closed at once for being over its
   * maximum.
   *
   * @param listener {@code api} or {@code management}
   */
  public void bindListener(String listener, ConnectionGuard guard) {
    // The strong gauge keeps the guard alive for the counter, which can only hold it weakly.
    Gauge.builder(HTTP_CONNECTIONS, guard, ConnectionGuard::open)
        .description("Connections open on the listener")
        .tag("listener", listener)
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(HTTP_CONNECTIONS_REFUSED, guard, ConnectionGuard::refused)
        .description("Connections closed at once because the listener held its maximum")
        .tag("listener", listener)
        .register(registry);
  }

  /** Every meter in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  private IntentMeters meters(String intent) {
    IntentMeters meters = intent == null ? null : intents.get(intent);
    return meters == null ? unknownIntent : meters;
  }

  private static Duration[] millis(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos(Math.round(values[i] * 1_000_000));
    }
    return durations;
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
