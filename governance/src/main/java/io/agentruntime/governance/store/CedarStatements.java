package io.agentruntime.governance.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Cedar text at the {@code ;} that end policies, skipping string literals and comments.
 *
 * <p>Used only to point at the failing policy once Cedar has rejected a file: the policies
 * themselves always come from Cedar's own parser.
 */
final class CedarStatements {
  private CedarStatements() {}

  /**
   * One statement and where it starts (1-based line and column).
   *
   * @param text the statement including its terminating {@code ;}, leading whitespace removed
   */
  record Statement(String text, int line, int column) {}

  static List<Statement> split(String text) {
    List<Statement> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        i = endOfString(text, i);
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
      } else if (c == ';') {
        add(statements, text, start, i + 1);
        start = i + 1;
        i++;
      } else {
        i++;
      }
    }
    add(statements, text, start, text.length());
    return statements;
  }

  private static int endOfString(String text, int open) {
    int i = open + 1;
    while (i < text.length() && text.charAt(i) != '"') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static void add(List<Statement> statements, String text, int from, int to) {
    int begin = from;
    while (begin < to && Character.isWhitespace(text.charAt(begin))) {
      begin++;
    }
    if (begin == to) {
      return;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < begin; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    statements.add(new Statement(text.substring(begin, to), line, begin - lineStart + 1));
  }
}
