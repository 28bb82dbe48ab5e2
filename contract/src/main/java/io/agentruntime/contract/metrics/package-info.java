/** The names of the runtime's meters, shared by the runtime, the operator and the docs' tests. */
package io.agentruntime.contract.metrics;
