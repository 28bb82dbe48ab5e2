package io.agentruntime.runtime.usage;

/** How a backend call ended: what its budget reservation becomes. */
public enum CallOutcome {
  /** The backend answered completely. */
  COMPLETED,
  /** The backend failed, answered an error or timed out. */
  FAILED,
  /** The caller went away, or cancelled the dispatch; the backend call was reset. */
  CANCELLED
}
