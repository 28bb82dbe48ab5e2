package io.agentruntime.governance;

import java.util.Locale;

/** Whether a decision (or a single policy) blocks requests or is only logged. */
public enum EnforcementMode {
  /** Deny decisions block the request. */
  ENFORCE("Enforce"),
  /** Decisions are evaluated and logged, never block. */
  AUDIT("Audit");

  private final String displayName;

  EnforcementMode(String displayName) {
    this.displayName = displayName;
  }

  /**
   * The spelling used in configuration, CRs and API responses: {@code Enforce} or {@code Audit}.
   */
  public String displayName() {
    return displayName;
  }

  /**
   * Parses {@code Enforce} or {@code Audit}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static EnforcementMode parse(String value) {
    if (value != null) {
      for (EnforcementMode mode : values()) {
        if (mode.displayName
            .toLowerCase(Locale.ROOT)
            .equals(value.trim().toLowerCase(Locale.ROOT))) {
          return mode;
        }
      }
    }
    throw new IllegalArgumentException(
        "must be Enforce or Audit, got " + (value == null ? "nothing" : "'" + value + "'"));
  }
}
