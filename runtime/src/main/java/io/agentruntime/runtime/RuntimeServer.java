package io.agentruntime.runtime;

import io.agentruntime.contract.config.IdempotencyConfig;
import io.agentruntime.contract.config.ManagementConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.contract.config.ServerConfig;
import io.agentruntime.governance.engine.GovernanceEngine;
import io.agentruntime.governance.engine.PolicySetSynchronizer;
import io.agentruntime.governance.store.PolicyStore;
import io.agentruntime.runtime.async.AsyncRuntime;
import io.agentruntime.runtime.budget.BudgetGate;
import io.agentruntime.runtime.governance.ConfiguredPolicyStore;
import io.agentruntime.runtime.governance.DecisionLog;
import io.agentruntime.runtime.governance.PolicyRefresher;
import io.agentruntime.runtime.governance.Readiness;
import io.agentruntime.runtime.governance.RequestGovernor;
import io.agentruntime.runtime.http.ConnectionGuard;
import io.agentruntime.runtime.http.HttpReply;
import io.agentruntime.runtime.http.HttpReplyCodec;
import io.agentruntime.runtime.http.RuntimeRouter;
import io.agentruntime.runtime.http.RuntimeServices;
import io.agentruntime.runtime.idempotency.IdempotencyCache;
import io.agentruntime.runtime.identity.PrincipalResolver;
import io.agentruntime.runtime.intent.Intents;
import io.agentruntime.runtime.mcp.McpGateway;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.agentruntime.runtime.ratelimit.RateLimiter;
import io.agentruntime.runtime.tracing.Tracing;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running runtime: wires configuration → policy store → engine → backends → routes → HTTP
 * servers, and takes them down again in the reverse order.
 */
public final class RuntimeServer {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeServer.class);

  /** What the server opened besides the services, closed on shutdown. */
  private record Resources(
      PolicyStore store,
      PolicyRefresher refresher,
      CoordinationStores coordination,
      GovernanceEngine engine,
      McpGateway mcp,
      Optional<AsyncRuntime> async,
      Tracing tracing) {}

  /** What a process of the runtime does. */
  public enum Role {
    /** Serves the API (and runs a worker too where {@code async.worker.inProcess} says so). */
    SERVE,
    /** Runs queued dispatches only: no API listener, the management listener for probes. */
    WORKER
  }

  private final Vertx vertx;
  private final RuntimeServices services;
  private final Resources resources;
  private final Listener api;
  private final Listener management;
  private final List<String> deployments = new ArrayList<>();
  private final Role role;

  private RuntimeServer(Vertx vertx, RuntimeServices services, Resources resources, Role role) {
    this.vertx = vertx;
    this.role = role;
    this.services = services;
    this.resources = resources;
    ServerConfig server = services.config().server();
    this.api =
        new Listener(
            "api",
            server.host(),
            server.port(),
            routes -> RuntimeRouter.api(routes, services, resources.mcp()::routes),
            new ConnectionGuard(server.maxConnections(), server.headerTimeout()),
            new AtomicInteger(-1));
    this.management =
        new Listener(
            "management",
            server.management().host(),
            server.management().port(),
            routes -> RuntimeRouter.management(routes, services),
            new ConnectionGuard(ManagementConfig.MAX_CONNECTIONS, server.headerTimeout()),
            new AtomicInteger(-1));
    for (Listener listener : List.of(api, management)) {
      services.metrics().bindListener(listener.name(), listener.guard());
    }
  }

  /**
   * Loads the policy set once, then listens. A failed first load does not stop the start: the
   * runtime answers 503 and reports not ready until a refresh succeeds.
   */
  public static Future<RuntimeServer> start(RuntimeConfig config) {
    return start(config, Role.SERVE);
  }

  /** Starts the runtime in {@code role}; see {@link #start(RuntimeConfig)}. */
  public static Future<RuntimeServer> start(RuntimeConfig config, Role role) {
    if (role == Role.WORKER && config.async().isEmpty()) {
      return Future.failedFuture(
          new IllegalArgumentException("the worker role needs the configuration's async section"));
    }
    warnOfLocalModeOnTheNetwork(config);
    // One event loop per API server instance, and one more, first taken, for the management one.
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions().setEventLoopPoolSize(config.server().effectiveEventLoops() + 1));
    RuntimeServer server;
    try {
      server = wire(vertx, config, role);
    } catch (RuntimeException e) {
      vertx.close();
      return Future.failedFuture(e);
    }
    Promise<RuntimeServer> started = Promise.promise();
    server
        .listen()
        .onComplete(
            listening -> {
              if (listening.succeeded()) {
                started.complete(server);
              } else {
                server.close().onComplete(closed -> started.fail(listening.cause()));
              }
            });
    return started.future();
  }

  /** Said at every start, so that nobody runs a network-facing local mode without knowing it. */
  private static void warnOfLocalModeOnTheNetwork(RuntimeConfig config) {
    if (config.identity().localMode() && !config.server().bindsLoopbackOnly()) {
      LOG.warn(
          "LOCAL MODE ON A NETWORK ADDRESS: listening on {} with identity.localMode, so any caller"
              + " that reaches this address chooses its own principal with context.user_id and its"
              + " groups with context.groups (identity.allowNonLoopbackLocalMode is set). Never"
              + " run this in production.",
          config.server().host());
    }
  }

  private static RuntimeServer wire(Vertx vertx, RuntimeConfig config, Role role) {
    Clock clock = Clock.systemUTC();
    RuntimeMetrics metrics = new RuntimeMetrics(config.intents());
    PolicyStore store = ConfiguredPolicyStore.open(config.governance().store(), metrics);
    GovernanceEngine engine =
        new GovernanceEngine(
            config.governance().mode(),
            config.governance().evaluator(),
            metrics.governanceEvaluator());
    PolicySetSynchronizer synchronizer = new PolicySetSynchronizer(store, engine, clock);
    Readiness readiness =
        new Readiness(engine, synchronizer, config.governance().maxStaleness(), clock);
    metrics.bindPolicySet(engine::policySetVersion, readiness::policySetAgeSeconds);
    Intents intents = Intents.open(vertx, config.intents(), metrics);
    DecisionLog decisionLog = new DecisionLog();
    CoordinationStores coordination = CoordinationStores.open(config, vertx, metrics, clock);
    IdempotencyCache<HttpReply> idempotency =
        new IdempotencyCache<>(
            config.idempotency(),
            new HttpReplyCodec(),
            coordination.idempotency(),
            metrics.idempotencyReplays(IdempotencyConfig.Store.MEMORY.displayName()));
    metrics.bindIdempotencyMemory(idempotency::bytes);
    Tracing tracing = Tracing.open(config.tracing(), config.runtime());
    Optional<AsyncRuntime> async =
        config
            .async()
            .map(
                settings -> {
                  AsyncRuntime opened =
                      AsyncRuntime.open(config, settings, vertx, coordination.table(), metrics);
                  if (role == Role.WORKER || settings.worker().inProcess()) {
                    opened.startWorker(
                        config, settings, vertx, metrics, coordination.budgets(), tracing);
                  }
                  return opened;
                });
    RuntimeServices services =
        new RuntimeServices(
            config,
            new RequestGovernor(engine, config.runtime().resource(), decisionLog),
            readiness,
            intents,
            metrics,
            idempotency,
            new RateLimiter(
                engine::rateLimits, coordination.buckets(), config.rateLimits(), decisionLog),
            new BudgetGate(
                engine::budgets, coordination.budgets(), config.rateLimits(), decisionLog, clock),
            new PrincipalResolver(config.identity()),
            async.map(AsyncRuntime::dispatches),
            tracing);
    // A new set's rate limits and budgets get their meters before requests check them.
    PolicyRefresher refresher =
        new PolicyRefresher(
            vertx,
            synchronizer,
            config.governance().refreshInterval(),
            () -> {
              metrics.prepareRateLimits(engine.rateLimits().keySet());
              metrics.prepareBudgets(engine.budgets().keySet());
            });
    McpGateway mcp =
        new McpGateway(
            vertx,
            services,
            role == Role.SERVE ? config.mcpServers() : List.of(),
            coordination.table());
    return new RuntimeServer(
        vertx,
        services,
        new Resources(store, refresher, coordination, engine, mcp, async, tracing),
        role);
  }

  private Future<RuntimeServer> listen() {
    return resources
        .refresher()
        .start()
        .compose(loaded -> deploy(management, 1))
        .compose(
            managing ->
                role == Role.WORKER
                    ? Future.succeededFuture(managing)
                    : deploy(api, services.config().server().effectiveEventLoops()))
        .map(this);
  }

  private Future<String> deploy(Listener listener, int instances) {
    ServerConfig server = services.config().server();
    return vertx
        .deployVerticle(
            () -> new ListenerVerticle(listener, server),
            new DeploymentOptions().setInstances(instances))
        .onSuccess(deployments::add);
  }

  /** The port the API listens on (the configured one, or the one picked for port 0). */
  public int port() {
    return api.boundPort().get();
  }

  /** The port of {@code /healthz}, {@code /readyz} and {@code /metrics}. */
  public int managementPort() {
    return management.boundPort().get();
  }

  public RuntimeServices services() {
    return services;
  }

  /**
   * Graceful shutdown: report not ready, stop accepting connections, let in-flight requests finish
   * for at most {@code server.shutdownGracePeriod}, then release everything. Call it from outside
   * Vert.x (a shutdown hook, a test): the returned future must outlive the event loops.
   */
  public Future<Void> shutdown() {
    services.readiness().beginShutdown();
    Promise<Void> stopped = Promise.promise();
    // The API drains first; the management listener goes last, reporting not ready meanwhile.
    Future<Void> drained = Future.succeededFuture();
    for (String deployment : deployments.reversed()) {
      drained = drained.transform(previous -> vertx.undeploy(deployment));
    }
    // Closing waits for running dispatches and a worker's long poll: never on an event loop.
    drained.onComplete(
        ignored ->
            Thread.ofPlatform().name("runtime-shutdown").start(() -> close().onComplete(stopped)));
    return stopped.future();
  }

  private Future<Void> close() {
    resources.refresher().close();
    resources.engine().close();
    resources
        .async()
        .ifPresent(async -> async.close(services.config().server().shutdownGracePeriod()));
    services.intents().close();
    resources.mcp().close();
    resources.coordination().close();
    resources.store().close();
    // after the worker and the listeners: their last spans are ended and go with the final batch
    resources.tracing().close();
    services.metrics().close();
    return vertx.close();
  }
}
