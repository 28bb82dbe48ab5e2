/**
 * The AgentRuntime reconciler: validate, apply through the workflow of dependents, report status
 * and Warning Events.
 */
package io.agentruntime.operator.reconciler;
