/**
 * The reconcilers. AgentRuntime: validate, apply through the workflow of dependents, read the
 * policy set's version, report status and Warning Events. GovernancePolicy: validate, write into
 * the runtime's DynamoDB policy set, remove through a finalizer.
 */
package io.agentruntime.operator.reconciler;
