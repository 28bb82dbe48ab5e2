/** The operator process: the {@code run} command, leader election, probes and metrics, shutdown. */
package io.agentruntime.operator.runner;
