/** The AgentRuntime data plane. */
package io.agentruntime.runtime;
