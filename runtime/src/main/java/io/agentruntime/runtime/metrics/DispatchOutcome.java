package io.agentruntime.runtime.metrics;

/** The {@code outcome} label of dispatch metrics, derived from the response status. */
public enum DispatchOutcome {
  SUCCESS("success"),
  DENIED("denied"),
  CLIENT_ERROR("client_error"),
  UNAVAILABLE("unavailable"),
  BACKEND_ERROR("backend_error"),
  ERROR("error");

  private final String label;

  DispatchOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The outcome of a response with HTTP status {@code status}. */
  public static DispatchOutcome of(int status) {
    if (status < 400) {
      return SUCCESS;
    }
    return switch (status) {
      case 403 -> DENIED;
      case 429, 503 -> UNAVAILABLE;
      case 502, 504 -> BACKEND_ERROR;
      default -> status < 500 ? CLIENT_ERROR : ERROR;
    };
  }
}
