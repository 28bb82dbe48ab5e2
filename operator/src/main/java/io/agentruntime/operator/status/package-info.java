/** An AgentRuntime's status: phase and conditions, built in one place. */
package io.agentruntime.operator.status;
