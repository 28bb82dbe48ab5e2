/**
 * {@code agent-runtime loadtest} and {@code agent-runtime perf-regression}: the original system's
 * performance practice (baseline, ramp and spike load tests, a p95 gate for CI, a regression
 * detector over Prometheus) without cloud-specific tools.
 *
 * <p>The load generator measures open-loop latencies from each request's intended send time, so a
 * slow answer that delays the next send still counts against the requests it delayed (no
 * coordinated omission).
 */
package io.agentruntime.cli.loadtest;
