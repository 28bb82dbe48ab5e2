package io.agentruntime.governance.engine.jvm;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The pattern of a Cedar {@code like}: characters (Unicode code points, as Cedar compares them) and
 * {@code *} wildcards that match any run of characters, the empty one included.
 */
final class LikePattern {
  private static final int WILDCARD = -1;

  private final int[] elements;

  private LikePattern(int[] elements) {
    this.elements = elements;
  }

  /**
   * @param parts each part either null for a wildcard or literal text
   */
  static LikePattern of(List<String> parts) {
    int[] elements =
        parts.stream()
            .flatMapToInt(part -> part == null ? IntStream.of(WILDCARD) : part.codePoints())
            .toArray();
    return new LikePattern(elements);
  }

  /** Whether {@code text} matches, with the usual backtracking to the last wildcard. */
  boolean matches(String text) {
    int t = 0;
    int p = 0;
    int starPattern = -1;
    int starText = 0;
    while (t < text.length()) {
      int c = text.codePointAt(t);
      if (p < elements.length && elements[p] == WILDCARD) {
        starPattern = p++;
        starText = t;
      } else if (p < elements.length && elements[p] == c) {
        p++;
        t += Character.charCount(c);
      } else if (starPattern >= 0) {
        p = starPattern + 1;
        starText += Character.charCount(text.codePointAt(starText));
        t = starText;
      } else {
        return false;
      }
    }
    while (p < elements.length && elements[p] == WILDCARD) {
      p++;
    }
    return p == elements.length;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int element : elements) {
      if (element == WILDCARD) {
        out.append('*');
      } else if (element == '*') {
        out.append("\\*");
      } else {
        out.appendCodePoint(element);
      }
    }
    return out.toString();
  }
}
