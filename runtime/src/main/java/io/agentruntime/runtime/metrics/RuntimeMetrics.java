package io.agentruntime.runtime.metrics;

import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.metrics.RuntimeMeter;
import io.agentruntime.governance.engine.Effect;
import io.agentruntime.governance.engine.EvaluatorListener;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Every runtime meter, named by {@link RuntimeMeter} as DESIGN §7 lists them. Meters are created up
 * front per configured intent ({@link IntentMeters}) so the request path only reads prepared
 * objects; requests naming an unknown intent share the {@value RuntimeMeter#UNKNOWN_INTENT} label,
 * so callers cannot grow the label set.
 */
public final class RuntimeMetrics implements AutoCloseable {

  /** From 100 µs to 30 s, fine enough to read p50/p95/p99 of a sub-millisecond service. */
  private static final Duration[] BUCKETS =
      millis(
          0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200,
          300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000);

  /** First: every field below registers meters, which the registry's filters must precede. */
  private final PrometheusMeterRegistry registry = registry();

  private final Map<String, IntentMeters> intents = new HashMap<>();
  private final IntentMeters unknownIntent;
  private final Timer[] decisionDurations = new Timer[Effect.values().length];
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final McpMeters mcp = new McpMeters(registry);

  private final AsyncMeters async = new AsyncMeters(registry);

  /** The pools of each intent's backend, by intent: the API's, and a worker's in its process. */
  private final Map<String, BackendPools> backendPools = new ConcurrentHashMap<>();

  /**
   * @param intents the configured intents: each gets its meters now, labelled with its name and its
   *     backend's type
   */
  public RuntimeMetrics(List<IntentConfig> intents) {
    for (Effect effect : Effect.values()) {
      decisionDurations[effect.ordinal()] =
          histogram(RuntimeMeter.DECISION_DURATION)
              .tag("decision", effect.displayName())
              .register(registry);
    }
    for (IntentConfig intent : intents) {
      this.intents.put(
          intent.name(),
          new IntentMeters(registry, intent.name(), intent.backend().type(), decisionDurations));
    }
    unknownIntent =
        new IntentMeters(registry, RuntimeMeter.UNKNOWN_INTENT, "none", decisionDurations);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The registry, its filters configured before any meter is registered, as Micrometer needs. */
  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Two processor meters break Prometheus naming rules (promtool rejects "_ns_total" and a gauge
    // ending in "_count"); process_cpu_usage and system_cpu_usage still cover CPU.
    registry
        .config()
        .meterFilter(
            MeterFilter.deny(
                id ->
                    id.getName().equals("process.cpu.time")
                        || id.getName().equals("system.cpu.count")));
    return registry;
  }

  static Timer.Builder histogram(RuntimeMeter meter) {
    return Timer.builder(meter.meterName())
        .description(meter.description())
        .serviceLevelObjectives(BUCKETS)
        .publishPercentileHistogram(false);
  }

  /** The meters of the configured {@code intent}; those of the unknown intent for any other. */
  public IntentMeters intent(String intent) {
    IntentMeters meters = intent == null ? null : intents.get(intent);
    return meters == null ? unknownIntent : meters;
  }

  /** The meters of requests whose intent is missing or not configured. */
  public IntentMeters unknownIntent() {
    return unknownIntent;
  }

  /**
   * Registers the rate limit counters of every configured intent for the rate-limited policies
   * {@code policyIds}: called when a policy set is installed, so that checks only increment them.
   */
  public void prepareRateLimits(Collection<String> policyIds) {
    intents.values().forEach(meters -> meters.prepareRateLimits(policyIds));
  }

  /** Registers the budget counters of every configured intent for the budgeted policies. */
  public void prepareBudgets(Collection<String> policyIds) {
    intents.values().forEach(meters -> meters.prepareBudgets(policyIds));
  }

  /** Exposes the policy set's version and age (seconds since the store last answered). */
  public void bindPolicySet(DoubleSupplier version, DoubleSupplier ageSeconds) {
    // Strong references: the suppliers are usually method references nothing else holds, and a
    // gauge's default weak reference would let a GC turn them into NaN.
    Gauge.builder(RuntimeMeter.POLICY_SET_VERSION.meterName(), version, DoubleSupplier::getAsDouble)
        .description(RuntimeMeter.POLICY_SET_VERSION.description())
        .strongReference(true)
        .register(registry);
    Gauge.builder(RuntimeMeter.POLICY_SET_AGE.meterName(), ageSeconds, DoubleSupplier::getAsDouble)
        .description(RuntimeMeter.POLICY_SET_AGE.description())
        .baseUnit(RuntimeMeter.POLICY_SET_AGE.kind().baseUnit())
        .strongReference(true)
        .register(registry);
  }

  /**
   * Exposes a backend's bulkhead: calls in flight, pool size and rejected calls, labelled with the
   * intent and the backend type. A worker beside the API opens each intent's backend again, with a
   * pool of its own: the meters of an intent sum its pools, registered once with the first.
   */
  public void bindBackendPool(String intent, String backend, PoolUsage pool) {
    backendPools
        .computeIfAbsent(
            intent,
            name -> {
              BackendPools pools = new BackendPools();
              BulkheadMeters.bind(registry, name, backend, pools);
              return pools;
            })
        .add(pool);
  }

  /** The counter of policy store calls with these labels. */
  public Counter policyStoreRequests(String operation, String region, String outcome) {
    return Counter.builder(RuntimeMeter.POLICY_STORE_REQUESTS.meterName())
        .description(RuntimeMeter.POLICY_STORE_REQUESTS.description())
        .tag("operation", operation)
        .tag("region", region)
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * The counter of answers replayed for a repeated {@code Idempotency-Key}.
   *
   * @param store where the replayed answer came from: {@code memory} or {@code dynamodb}
   */
  public Counter idempotencyReplays(String store) {
    return Counter.builder(RuntimeMeter.IDEMPOTENCY_REPLAYS.meterName())
        .description(RuntimeMeter.IDEMPOTENCY_REPLAYS.description())
        .tag("store", store)
        .register(registry);
  }

  /** The meters of long-running dispatches. */
  public AsyncMeters async() {
    return async;
  }

  /** The meters of the governance evaluators: fallbacks to cedar-java and {@code shadow} checks. */
  public EvaluatorListener governanceEvaluator() {
    return new EvaluatorMeters(registry);
  }

  /** Exposes the bytes of {@code Idempotency-Key} answers this pod keeps in memory. */
  public void bindIdempotencyMemory(LongSupplier bytes) {
    Gauge.builder(RuntimeMeter.IDEMPOTENCY_MEMORY.meterName(), bytes, LongSupplier::getAsLong)
        .description(RuntimeMeter.IDEMPOTENCY_MEMORY.description())
        .baseUnit(RuntimeMeter.IDEMPOTENCY_MEMORY.kind().baseUnit())
        .strongReference(true)
        .register(registry);
  }

  /**
   * Exposes the connections a listener holds and those it closed at once for being over its
   * maximum.
   *
   * @param listener {@code api} or {@code management}
   */
  public void bindListener(String listener, ListenerUsage usage) {
    // The strong gauge keeps the usage alive for the counter, which can only hold it weakly.
    Gauge.builder(RuntimeMeter.HTTP_CONNECTIONS.meterName(), usage, ListenerUsage::open)
        .description(RuntimeMeter.HTTP_CONNECTIONS.description())
        .tag("listener", listener)
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(
            RuntimeMeter.HTTP_CONNECTIONS_REFUSED.meterName(), usage, ListenerUsage::refused)
        .description(RuntimeMeter.HTTP_CONNECTIONS_REFUSED.description())
        .tag("listener", listener)
        .register(registry);
  }

  /** The meters of the MCP gateway. */
  public McpMeters mcp() {
    return mcp;
  }

  /** Every meter in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
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
