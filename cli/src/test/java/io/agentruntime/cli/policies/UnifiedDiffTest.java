package io.agentruntime.cli.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  private static final String TEN_LINES =
      IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

  @Test
  void equalTextsHaveNoHunks() {
    assertThat(UnifiedDiff.between(TEN_LINES, TEN_LINES + "\n")).isEmpty();
  }

  @Test
  void aChangedLineShowsTwoLinesOfContextEachSide() {
    assertThat(UnifiedDiff.between(TEN_LINES, TEN_LINES.replace("line 5", "line five")))
        .containsExactly(
            "@@ -3,5 +3,5 @@", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7");
  }

  @Test
  void distantChangesGetTheirOwnHunksAndCloseOnesShareOne() {
    String edited = TEN_LINES.replace("line 1\n", "").replace("line 10", "line ten");

    assertThat(UnifiedDiff.between(TEN_LINES, edited))
        .containsExactly(
            "@@ -1,3 +1,2 @@",
            "-line 1",
            " line 2",
            " line 3",
            "@@ -8,3 +7,3 @@",
            " line 8",
            " line 9",
            "-line 10",
            "+line ten");
    assertThat(
            UnifiedDiff.between(TEN_LINES, TEN_LINES.replace("line 4", "4").replace("line 7", "7")))
        .first()
        .isEqualTo("@@ -2,8 +2,8 @@");
  }

  @Test
  void anInsertionIntoAnEmptyTextStartsAtLineZero() {
    assertThat(UnifiedDiff.between("", "permit (principal, action, resource);"))
        .containsExactly("@@ -0,0 +1,1 @@", "+permit (principal, action, resource);");
  }
}
