/**
 * The {@code agent-runtime} command: serves the runtime (the runtime module's {@code
 * RuntimeLauncher}) and carries the tools an operator of runtimes runs beside it ({@code policies},
 * {@code loadtest}, {@code perf-regression}). Nothing on the request path lives here.
 */
package io.agentruntime.cli;
