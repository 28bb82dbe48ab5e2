package io.agentruntime.runtime.usage;

import java.util.Optional;

/**
 * One governed backend call that has ended, however it ended: what budgets are charged with.
 *
 * @param requestId the runtime's id of the request
 * @param principal the caller
 * @param intent the intent called
 * @param streamed whether the answer was streamed
 * @param outcome how the call ended
 * @param usage the tokens the backend reported; empty when it reported none (an {@code echo} or
 *     {@code http} backend that does not report usage, a call failed or cancelled before the
 *     backend's final usage arrived)
 * @param durationNanos from the start of the backend call to its end
 */
public record CallCompletion(
    String requestId,
    String principal,
    String intent,
    boolean streamed,
    Outcome outcome,
    Optional<TokenUsage> usage,
    long durationNanos) {

  /** How a backend call ended. */
  public enum Outcome {
    /** The backend answered completely. */
    COMPLETED,
    /** The backend failed, answered an error or timed out. */
    FAILED,
    /** The caller went away during a streamed answer; the backend call was reset. */
    CANCELLED
  }
}
