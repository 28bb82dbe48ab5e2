/** The {@code render} command: AgentRuntime YAML in, the objects the operator would apply out. */
package io.agentruntime.operator.cli;
