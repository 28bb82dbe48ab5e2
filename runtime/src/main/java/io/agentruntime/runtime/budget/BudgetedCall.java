package io.agentruntime.runtime.budget;

import io.agentruntime.runtime.metrics.BudgetOutcome;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * A call that asks the budgets of its permitting policies for room: a model call of an intent, or
 * an MCP tool call.
 *
 * @param action what is called, as the decision log names it: the intent, or {@code
 *     mcp:<server>/<tool>}
 * @param demand the most the call may consume
 * @param holdFor how long the call may take: its holds expire {@link BudgetGate#HOLD_GRACE} later
 * @param meters counts each budget's outcome, by policy id
 */
public record BudgetedCall(
    String action,
    BudgetDemand demand,
    Duration holdFor,
    BiConsumer<String, BudgetOutcome> meters) {}
