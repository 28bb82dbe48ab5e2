package io.agentruntime.runtime.async;

import java.util.Locale;

/** Where a long-running dispatch stands; the last four are final. */
public enum DispatchStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  EXPIRED;

  /** Whether nothing can happen to the dispatch any more. */
  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }

  /** The spelling in the API, the records and the metric labels. */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DispatchStatus of(String displayName) {
    return valueOf(displayName.toUpperCase(Locale.ROOT));
  }
}
