package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.budget.BudgetExhaustedException;
import io.agentruntime.runtime.budget.BudgetStoreUnavailableException;
import io.agentruntime.runtime.idempotency.IdempotencyInProgressException;
import io.agentruntime.runtime.idempotency.IdempotencyKeyReusedException;
import io.agentruntime.runtime.idempotency.IdempotencyReplyTooLargeException;
import io.agentruntime.runtime.idempotency.IdempotencyStoreUnavailableException;
import io.agentruntime.runtime.metrics.McpOutcome;
import io.agentruntime.runtime.ratelimit.RateLimitStoreUnavailableException;
import io.agentruntime.runtime.ratelimit.RateLimitedException;
import io.agentruntime.runtime.tracing.McpSpan;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place the gateway turns a failure into the JSON-RPC error the client gets. */
final class McpFailures {

  private static final Logger LOG = LoggerFactory.getLogger(McpFailures.class);

  private McpFailures() {}

  static McpException classify(Throwable failure) {
    return switch (failure) {
      case McpException known -> known;
      case RateLimitedException limited ->
          new McpException(
              JsonRpcError.RATE_LIMITED,
              limited.getMessage(),
              Map.of(JsonRpcReplies.RETRY_AFTER_SECONDS, limited.retryAfterSeconds()));
      case BudgetExhaustedException exhausted ->
          new McpException(
              JsonRpcError.BUDGET_EXHAUSTED,
              exhausted.getMessage(),
              Map.of(
                  JsonRpcReplies.RETRY_AFTER_SECONDS,
                  exhausted.retryAfterSeconds(),
                  "budget",
                  Map.of(
                      "policy", exhausted.policyId(),
                      "kind", exhausted.budget().kind().label(),
                      "limit", exhausted.budget().toString(),
                      "remaining", exhausted.budget().kind().format(exhausted.remaining()))));
      case BudgetStoreUnavailableException store ->
          new McpException(JsonRpcError.STORE_UNAVAILABLE, store.getMessage());
      case IdempotencyInProgressException inProgress ->
          new McpException(JsonRpcError.IDEMPOTENCY_CONFLICT, inProgress.getMessage());
      case IdempotencyReplyTooLargeException tooLarge ->
          new McpException(JsonRpcError.IDEMPOTENCY_CONFLICT, tooLarge.getMessage());
      case IdempotencyKeyReusedException reused ->
          new McpException(JsonRpcError.IDEMPOTENCY_KEY_REUSED, reused.getMessage());
      case IdempotencyStoreUnavailableException store ->
          new McpException(JsonRpcError.STORE_UNAVAILABLE, store.getMessage());
      case RateLimitStoreUnavailableException store ->
          new McpException(JsonRpcError.STORE_UNAVAILABLE, store.getMessage());
      default -> {
        LOG.error("MCP gateway request failed unexpectedly", failure);
        yield new McpException(JsonRpcError.INTERNAL_ERROR, "internal error");
      }
    };
  }

  /** Ends the span of an upstream call that failed, with the error the client gets. */
  static McpException failed(McpSpan call, Throwable failure) {
    McpException error = classify(failure);
    call.fail(error.error().slug(), error.getMessage());
    return error;
  }

  /** The outcome label of a message answered with {@code failure}. */
  static McpOutcome outcome(McpException failure) {
    return switch (failure.error()) {
      case DENIED -> McpOutcome.DENIED;
      case RATE_LIMITED -> McpOutcome.RATE_LIMITED;
      case BUDGET_EXHAUSTED -> McpOutcome.BUDGET_EXHAUSTED;
      case UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, UPSTREAM_FAILED -> McpOutcome.UPSTREAM_ERROR;
      default -> McpOutcome.REJECTED;
    };
  }
}
