package io.agentruntime.contract.config;

import java.time.Duration;
import java.util.Locale;

/**
 * How long {@code Idempotency-Key} answers are remembered, how much of them, and where
 * (configuration {@code idempotency}).
 *
 * @param window a repeated key within this window replays the first response
 * @param maxBytes most bytes of answers one pod keeps in memory, over all principals
 * @param maxBytesPerPrincipal most bytes of answers one pod keeps for one principal: past it the
 *     principal's own oldest answers are forgotten, never another principal's
 * @param maxReplySize largest answer kept for replay; a larger one is not kept, and a repeat of its
 *     key is refused (409) rather than run again
 * @param store where keys are claimed: in this pod's memory only, or in the governance table as
 *     well, so that a repeat sent to another pod is not dispatched again
 */
public record IdempotencyConfig(
    Duration window, long maxBytes, long maxBytesPerPrincipal, long maxReplySize, Store store) {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
  public static final long DEFAULT_MAX_BYTES = 64L << 20;
  public static final long DEFAULT_MAX_BYTES_PER_PRINCIPAL = 8L << 20;

  /** The largest answer a DynamoDB item can hold beside its key and attributes (400 KB in all). */
  public static final long MAX_TABLE_REPLY_SIZE = 350L << 10;

  /** Every key at its default: answers kept in each pod's memory for ten minutes. */
  public static final IdempotencyConfig DEFAULT =
      new IdempotencyConfig(
          DEFAULT_WINDOW,
          DEFAULT_MAX_BYTES,
          DEFAULT_MAX_BYTES_PER_PRINCIPAL,
          MAX_TABLE_REPLY_SIZE,
          Store.MEMORY);

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
