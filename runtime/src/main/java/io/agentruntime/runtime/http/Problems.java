package io.agentruntime.runtime.http;

import io.agentruntime.governance.Budget;
import io.agentruntime.runtime.async.DispatchStoreException;
import io.agentruntime.runtime.async.QueueUnavailableException;
import io.agentruntime.runtime.async.TaskTooLargeException;
import io.agentruntime.runtime.backend.BackendException;
import io.agentruntime.runtime.backend.BackendResponseTooLargeException;
import io.agentruntime.runtime.backend.BackendSaturatedException;
import io.agentruntime.runtime.backend.BackendTimeoutException;
import io.agentruntime.runtime.backend.BackendUnavailableException;
import io.agentruntime.runtime.budget.BudgetExhaustedException;
import io.agentruntime.runtime.budget.BudgetStoreUnavailableException;
import io.agentruntime.runtime.governance.Readiness;
import io.agentruntime.runtime.idempotency.IdempotencyInProgressException;
import io.agentruntime.runtime.idempotency.IdempotencyKeyReusedException;
import io.agentruntime.runtime.idempotency.IdempotencyReplyTooLargeException;
import io.agentruntime.runtime.idempotency.IdempotencyStoreUnavailableException;
import io.agentruntime.runtime.ratelimit.RateLimitStoreUnavailableException;
import io.agentruntime.runtime.ratelimit.RateLimitedException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become HTTP answers: every error the runtime sends is an RFC 9457 {@code
 * application/problem+json} document built here.
 */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The problem answer for {@code failure} on request {@code requestId} to {@code path}. */
  public static HttpReply reply(Throwable failure, String requestId, String path) {
    ProblemException problem = classify(failure, requestId);
    JsonObject body =
        new JsonObject()
            .put("type", problem.type().uri())
            .put("title", problem.type().title())
            .put("status", problem.type().status())
            .put("detail", problem.getMessage())
            .put("instance", path)
            .put("requestId", requestId);
    problem.members().forEach(body::put);
    HttpReply reply =
        new HttpReply(problem.type().status(), HttpReply.PROBLEM_JSON, body.toBuffer(), Map.of());
    if (failure instanceof RateLimitedException limited) {
      return reply.withHeader("retry-after", Long.toString(limited.retryAfterSeconds()));
    }
    if (failure instanceof BudgetExhaustedException exhausted) {
      return reply.withHeader("retry-after", Long.toString(exhausted.retryAfterSeconds()));
    }
    OptionalInt retryAfter = problem.type().retryAfterSeconds();
    return retryAfter.isPresent()
        ? reply.withHeader("retry-after", Integer.toString(retryAfter.getAsInt()))
        : reply;
  }

  /** The 503 problem for a runtime that cannot serve requests now. */
  public static ProblemException notReady(Readiness.NotReady notReady) {
    return new ProblemException(
        notReady.policyStoreStale() ? ProblemType.POLICY_STORE_STALE : ProblemType.NOT_READY,
        notReady.detail());
  }

  private static ProblemException classify(Throwable failure, String requestId) {
    if (failure instanceof BackendException backend) {
      return backendProblem(backend, requestId);
    }
    return switch (failure) {
      case ProblemException problem -> problem;
      case IdempotencyKeyReusedException reused ->
          new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, reused.getMessage());
      case IdempotencyInProgressException running ->
          new ProblemException(ProblemType.IDEMPOTENCY_IN_PROGRESS, running.getMessage());
      case IdempotencyReplyTooLargeException tooLarge ->
          new ProblemException(ProblemType.IDEMPOTENCY_REPLY_TOO_LARGE, tooLarge.getMessage());
      case IdempotencyStoreUnavailableException down ->
          new ProblemException(ProblemType.IDEMPOTENCY_STORE_UNAVAILABLE, down.getMessage());
      case RateLimitedException limited ->
          new ProblemException(ProblemType.RATE_LIMITED, limited.getMessage());
      case RateLimitStoreUnavailableException down ->
          new ProblemException(ProblemType.RATE_LIMIT_STORE_UNAVAILABLE, down.getMessage());
      case TaskTooLargeException tooLarge ->
          new ProblemException(ProblemType.DISPATCH_TOO_LARGE, tooLarge.getMessage());
      case QueueUnavailableException down -> {
        LOG.warn("request {}: {}", requestId, down.getMessage(), down.getCause());
        yield new ProblemException(
            ProblemType.QUEUE_UNAVAILABLE, "the dispatch could not be queued; nothing will run");
      }
      case DispatchStoreException down -> {
        LOG.warn("request {}: {}", requestId, down.getMessage());
        yield new ProblemException(
            ProblemType.DISPATCH_STORE_UNAVAILABLE, "the dispatch records cannot be reached now");
      }
      case BudgetExhaustedException exhausted -> budgetExhausted(exhausted);
      case BudgetStoreUnavailableException down ->
          new ProblemException(ProblemType.BUDGET_STORE_UNAVAILABLE, down.getMessage());
      default -> {
        LOG.error("request {} failed unexpectedly", requestId, failure);
        yield new ProblemException(
            ProblemType.INTERNAL_ERROR, "unexpected error; see the runtime log for " + requestId);
      }
    };
  }

  /** Names the budget: its policy, what it counts, its cap and window, and what is left. */
  private static ProblemException budgetExhausted(BudgetExhaustedException exhausted) {
    Budget budget = exhausted.budget();
    return new ProblemException(
        ProblemType.BUDGET_EXHAUSTED,
        exhausted.getMessage(),
        Map.of(
            "budget",
            new JsonObject()
                .put("policy", exhausted.policyId())
                .put("kind", budget.kind().label())
                .put("limit", budget.toString())
                .put("remaining", budget.kind().format(exhausted.remaining()))));
  }

  /**
   * The caller learns which intent failed and how; the backend's address and answer, which may hold
   * credentials or anything else, go to the log under the request id only.
   */
  private static ProblemException backendProblem(BackendException failure, String requestId) {
    if (!failure.getMessage().equals(failure.detail())) {
      LOG.warn("request {}: {}", requestId, failure.getMessage());
    }
    ProblemType type =
        switch (failure) {
          case BackendTimeoutException timeout -> ProblemType.BACKEND_TIMEOUT;
          case BackendSaturatedException saturated -> ProblemType.BACKEND_SATURATED;
          case BackendUnavailableException unavailable -> ProblemType.BACKEND_UNAVAILABLE;
          case BackendResponseTooLargeException tooLarge -> ProblemType.BACKEND_RESPONSE_TOO_LARGE;
          default -> ProblemType.BACKEND_ERROR;
        };
    return new ProblemException(type, failure.detail());
  }
}
