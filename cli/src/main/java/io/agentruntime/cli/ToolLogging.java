package io.agentruntime.cli;

/**
 * Keeps library logs (AWS SDK, Cedar, Vert.x) out of the tools' output: their results go to
 * standard output, and the runtime's logging configuration would add INFO lines there and start the
 * decision log's writer, which a command that serves nothing does not need.
 */
final class ToolLogging {
  private static final String PROPERTY = "logback.configurationFile";
  private static final String CONFIGURATION = "io/agentruntime/cli/logback.xml";

  private ToolLogging() {}

  /**
   * Selects the tools' logging configuration (errors only, on standard error) unless one was chosen
   * with {@code -Dlogback.configurationFile}. Takes effect only before the first logger is created.
   */
  static void select() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, CONFIGURATION);
    }
  }
}
