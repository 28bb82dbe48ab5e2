package io.agentruntime.cli.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.cli.CommandResult;
import org.junit.jupiter.api.Test;

/**
 * The top of the command line: serving needs {@code --config}, the policies commands are listed.
 */
class CommandLineTest {

  @Test
  void noArgumentsIsAUsageErrorNamingConfig() {
    CommandResult result = CommandResult.run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "Missing option '--config=FILE' (or a command: worker, policies, loadtest,"
                + " perf-regression, demo-mcp-server)")
        .contains("Usage: agent-runtime");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void policiesHelpListsItsCommands() {
    CommandResult result = CommandResult.run("policies", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Usage: agent-runtime policies")
        .containsPattern("(?m)^  push ")
        .containsPattern("(?m)^  list ")
        .containsPattern("(?m)^  diff ");
  }

  @Test
  void policiesWithoutACommandIsAUsageError() {
    CommandResult result = CommandResult.run("policies");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Missing command: push, list or diff");
  }

  @Test
  void diffHelpDocumentsItsExitCodes() {
    CommandResult result = CommandResult.run("policies", "diff", "--help");

    assertThat(result.out())
        .contains("Exit codes:")
        .containsPattern("(?m)^  0 +no differences")
        .containsPattern("(?m)^  1 +push would change the set")
        .containsPattern("(?m)^  2 +invalid options, paths or Cedar")
        .containsPattern("(?m)^  3 +the table could not be read");
  }
}
