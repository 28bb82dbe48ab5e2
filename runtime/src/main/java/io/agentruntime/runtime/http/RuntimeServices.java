package io.agentruntime.runtime.http;

import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.runtime.async.AsyncDispatches;
import io.agentruntime.runtime.budget.BudgetGate;
import io.agentruntime.runtime.governance.Readiness;
import io.agentruntime.runtime.governance.RequestGovernor;
import io.agentruntime.runtime.idempotency.IdempotencyCache;
import io.agentruntime.runtime.identity.PrincipalResolver;
import io.agentruntime.runtime.intent.Intents;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.agentruntime.runtime.ratelimit.RateLimiter;
import io.agentruntime.runtime.tracing.Tracing;
import java.util.Optional;

/**
 * What the routes need, built once by the server and shared by every event loop.
 *
 * @param config the parsed configuration
 * @param governor decides requests
 * @param readiness whether requests may be served now
 * @param intents the configured intents, each with its backend and meters
 * @param metrics the meters
 * @param idempotency remembered answers per {@code Idempotency-Key}
 * @param rateLimiter takes the tokens of rate-limited policies
 * @param budgets reserves and commits the token and cost budgets of budgeted policies
 * @param principals finds the caller of a request
 * @param async queues, reads and cancels long-running dispatches; empty without {@code async}
 * @param tracing the tracer of requests and backend calls; {@link Tracing#OFF} without {@code
 *     tracing}
 */
public record RuntimeServices(
    RuntimeConfig config,
    RequestGovernor governor,
    Readiness readiness,
    Intents intents,
    RuntimeMetrics metrics,
    IdempotencyCache<HttpReply> idempotency,
    RateLimiter rateLimiter,
    BudgetGate budgets,
    PrincipalResolver principals,
    Optional<AsyncDispatches> async,
    Tracing tracing) {}
