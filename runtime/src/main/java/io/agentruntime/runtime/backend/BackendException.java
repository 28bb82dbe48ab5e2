package io.agentruntime.runtime.backend;

/**
 * The backend failed or answered with an error: the caller gets 502.
 *
 * <p>Two texts: {@link #detail()} is what the caller is told (the intent and what went wrong),
 * {@link #getMessage()} is the diagnosis for the runtime's log, which may name the backend's
 * address and quote its answer. A backend's URL can carry credentials and its error pages can carry
 * anything, so neither ever reaches a caller.
 */
public class BackendException extends RuntimeException {

  private final String detail;

  /**
   * @param detail what the caller is told; never the backend's address or answer
   * @param diagnosis what the log says
   */
  public BackendException(String detail, String diagnosis, Throwable cause) {
    super(diagnosis, cause);
    this.detail = detail;
  }

  /** A failure whose diagnosis is fit for the caller as it is. */
  public BackendException(String detail) {
    this(detail, detail, null);
  }

  /** What the caller is told. */
  public String detail() {
    return detail;
  }
}
