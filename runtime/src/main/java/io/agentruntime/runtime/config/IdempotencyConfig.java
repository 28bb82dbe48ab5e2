package io.agentruntime.runtime.config;

import java.time.Duration;

/**
 * How long {@code Idempotency-Key} answers are remembered (configuration {@code idempotency}).
 *
 * @param window a repeated key within this window replays the first response
 * @param maxEntries most remembered keys; the oldest are forgotten first
 */
public record IdempotencyConfig(Duration window, long maxEntries) {}
