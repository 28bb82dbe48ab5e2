/**
 * The statuses of AgentRuntimes and GovernancePolicies: phase and conditions, each built in one
 * place.
 */
package io.agentruntime.operator.status;
