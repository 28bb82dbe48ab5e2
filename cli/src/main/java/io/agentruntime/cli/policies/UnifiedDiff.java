package io.agentruntime.cli.policies;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a unified diff between two short texts (Cedar policies): {@code @@} hunks with two
 * lines of context, deletions before insertions. Computed from the longest common subsequence of
 * the lines, which is quadratic but policies are a few lines long.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 2;

  private UnifiedDiff() {}

  /** One line of the edit script and how many lines of each text precede it. */
  private record Edit(char tag, String line, int oldBefore, int newBefore) {
    boolean isChange() {
      return tag != ' ';
    }
  }

  /** The hunks that turn {@code before} into {@code after}; empty when the lines are equal. */
  static List<String> between(String before, String after) {
    List<Edit> edits = edits(before.lines().toList(), after.lines().toList());
    List<String> out = new ArrayList<>();
    int next = nextChange(edits, 0);
    while (next < edits.size()) {
      int last = next;
      int following = nextChange(edits, last + 1);
      while (following < edits.size() && following - last - 1 <= 2 * CONTEXT) {
        last = following;
        following = nextChange(edits, last + 1);
      }
      hunk(
          edits.subList(Math.max(0, next - CONTEXT), Math.min(edits.size(), last + CONTEXT + 1)),
          out);
      next = following;
    }
    return out;
  }

  private static List<Edit> edits(List<String> a, List<String> b) {
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i++, j++));
      } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i++, j));
      } else {
        edits.add(new Edit('+', b.get(j), i, j++));
      }
    }
    return edits;
  }

  private static int nextChange(List<Edit> edits, int from) {
    int index = from;
    while (index < edits.size() && !edits.get(index).isChange()) {
      index++;
    }
    return index;
  }

  private static void hunk(List<Edit> edits, List<String> out) {
    int oldLength = (int) edits.stream().filter(e -> e.tag() != '+').count();
    int newLength = (int) edits.stream().filter(e -> e.tag() != '-').count();
    Edit first = edits.getFirst();
    out.add(
        "@@ -%s +%s @@"
            .formatted(range(first.oldBefore(), oldLength), range(first.newBefore(), newLength)));
    edits.forEach(edit -> out.add(edit.tag() + edit.line()));
  }

  /** {@code start,length} with a 1-based start; an empty range names the line before it. */
  private static String range(int linesBefore, int length) {
    return (length == 0 ? linesBefore : linesBefore + 1) + "," + length;
  }
}
