package io.agentruntime.cli.policies;

/** The exit codes of the {@code policies} commands, as their help lists them. */
final class ExitCodes {
  /** Success; for {@code diff}: the table matches the files. */
  public static final int OK = 0;

  /** {@code diff} only: push would change the table. */
  public static final int DIFFERENCES = 1;

  /** Invalid options, paths or Cedar text; nothing was written. */
  public static final int INVALID_INPUT = 2;

  /** The table could not be read or written (unreachable, missing, access denied). */
  public static final int STORE_ERROR = 3;

  private ExitCodes() {}
}
