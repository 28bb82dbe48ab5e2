package io.agentruntime.governance.cedar;

/**
 * A Cedar syntax error with the position Cedar reported, relative to the checked text.
 *
 * @param message Cedar's description of the error
 * @param line 1-based line of the offending token
 * @param column 1-based column of the offending token
 */
public record CedarSyntaxError(String message, int line, int column) {

  /** {@code line L, column C: message}, for error texts that already name the policy. */
  public String describe() {
    return "line " + line + ", column " + column + ": " + message;
  }

  /** The same error moved to where the checked text starts inside a larger text. */
  public CedarSyntaxError shiftedBy(int startLine, int startColumn) {
    int shiftedColumn = line == 1 ? column + startColumn - 1 : column;
    return new CedarSyntaxError(message, line + startLine - 1, shiftedColumn);
  }
}
