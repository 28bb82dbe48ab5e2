/**
 * What a finished model call consumed: the tokens its backend reported, charged once per call to
 * the intent's meters and budgets by {@link io.agentruntime.runtime.budget.UsageCharge}.
 */
package io.agentruntime.runtime.usage;
