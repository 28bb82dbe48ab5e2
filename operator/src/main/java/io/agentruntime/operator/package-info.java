/** The AgentRuntime operator: CR types, renderers, dependents and reconcilers. */
package io.agentruntime.operator;
