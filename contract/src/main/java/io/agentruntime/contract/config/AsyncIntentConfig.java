package io.agentruntime.contract.config;

import java.time.Duration;

/**
 * How one intent runs when dispatched with {@code Prefer: respond-async} (configuration {@code
 * intents[].async}).
 *
 * @param timeout how long one attempt may run before it fails as timed out
 * @param maxAttempts how many attempts a dispatch gets before it fails with its last problem
 * @param resultTtl how long a finished dispatch's record stays readable after it ended (and at
 *     least past its deadline); a dispatch not started this long after it was accepted expires
 *     unrun
 */
public record AsyncIntentConfig(Duration timeout, int maxAttempts, Duration resultTtl) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final int MAX_ATTEMPTS = 100;
  public static final Duration DEFAULT_RESULT_TTL = Duration.ofHours(24);

  public static final AsyncIntentConfig DEFAULT =
      new AsyncIntentConfig(DEFAULT_TIMEOUT, DEFAULT_MAX_ATTEMPTS, DEFAULT_RESULT_TTL);

  /**
   * The {@code maxReceiveCount} of the queue's redrive policy: receives after which SQS moves a
   * message to the dead-letter queue itself. A worker records a dispatch out of attempts as failed
   * on the receive after its last attempt, so SQS must allow that one too; the rest is room for
   * receives that find the dispatch's records unreachable (they run nothing and leave the message).
   */
  public static int maxReceiveCount(Iterable<AsyncIntentConfig> intents) {
    int most = 1;
    for (AsyncIntentConfig intent : intents) {
      most = Math.max(most, intent.maxAttempts());
    }
    return most + 1 + STORE_OUTAGE_RECEIVES;
  }

  /** Receives {@link #maxReceiveCount} allows beyond the attempts, for a records outage. */
  public static final int STORE_OUTAGE_RECEIVES = 4;
}
