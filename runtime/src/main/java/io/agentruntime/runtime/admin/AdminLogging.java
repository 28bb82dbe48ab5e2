package io.agentruntime.runtime.admin;

/**
 * Keeps library logs (AWS SDK, Cedar) out of the {@code policies} commands' output: their results
 * go to standard output, and the runtime's logging configuration would add INFO lines there and
 * start the decision log's writer, which a command that serves nothing does not need.
 */
public final class AdminLogging {
  private static final String PROPERTY = "logback.configurationFile";
  private static final String CONFIGURATION = "io/agentruntime/runtime/admin/logback.xml";

  private AdminLogging() {}

  /**
   * Selects the commands' logging configuration (errors only, on standard error) unless one was
   * chosen with {@code -Dlogback.configurationFile}. Takes effect only before the first logger is
   * created.
   */
  public static void select() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, CONFIGURATION);
    }
  }
}
