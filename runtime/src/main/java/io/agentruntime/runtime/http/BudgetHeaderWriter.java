package io.agentruntime.runtime.http;

import io.agentruntime.governance.Budget;
import io.agentruntime.runtime.budget.BudgetHeaders;
import io.agentruntime.runtime.budget.BudgetReservation.BudgetRemaining;
import io.vertx.core.http.HttpServerResponse;

/** Puts what budgets have left after a request on its answer (docs/api.md lists the headers). */
final class BudgetHeaderWriter {

  private BudgetHeaderWriter() {}

  static HttpReply withRemaining(HttpReply reply, BudgetRemaining remaining) {
    if (remaining == BudgetRemaining.NONE) {
      return reply;
    }
    HttpReply answered = reply;
    if (remaining.tokens() >= 0) {
      answered =
          answered.withHeader(BudgetHeaders.REMAINING_TOKENS, Long.toString(remaining.tokens()));
    }
    if (remaining.costMicros() >= 0) {
      answered =
          answered.withHeader(BudgetHeaders.REMAINING_USD, Budget.dollars(remaining.costMicros()));
    }
    return answered;
  }

  /** The same headers on a response whose head is still to be sent (a stream's). */
  static void withRemaining(HttpServerResponse response, BudgetRemaining remaining) {
    if (remaining.tokens() >= 0) {
      response.putHeader(BudgetHeaders.REMAINING_TOKENS, Long.toString(remaining.tokens()));
    }
    if (remaining.costMicros() >= 0) {
      response.putHeader(BudgetHeaders.REMAINING_USD, Budget.dollars(remaining.costMicros()));
    }
  }
}
