package io.agentruntime.runtime.config;

import java.time.Duration;
import java.util.Locale;

/**
 * How long {@code Idempotency-Key} answers are remembered, and where (configuration {@code
 * idempotency}).
 *
 * @param window a repeated key within this window replays the first response
 * @param maxEntries most keys remembered in memory; the oldest are forgotten first
 * @param store where keys are claimed: in this pod's memory only, or in the governance table as
 *     well, so that a repeat sent to another pod is not dispatched again
 */
public record IdempotencyConfig(Duration window, long maxEntries, Store store) {

  /** Where {@code Idempotency-Key} claims live. */
  public enum Store {
    /** In each pod's memory: a repeat reaching another pod is dispatched again. */
    MEMORY,
    /** In the table of {@code governance.store.dynamodb}, shared by every pod. */
    DYNAMODB;

    /** The spelling in the configuration file and the metric label. */
    public String displayName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
