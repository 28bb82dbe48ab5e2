package io.agentruntime.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OperatorMainTest {

  private final CommandLine commandLine = new CommandLine(OperatorMain.class);

  @Test
  void runsTheOperatorWhenNoCommandIsGiven() {
    assertThat(OperatorMain.withDefaultCommand(commandLine)).containsExactly("run");
    assertThat(OperatorMain.withDefaultCommand(commandLine, "--namespaces", "agents"))
        .containsExactly("run", "--namespaces", "agents");
  }

  @Test
  void keepsAnExplicitCommandOrHelpRequest() {
    assertThat(OperatorMain.withDefaultCommand(commandLine, "render", "-f", "cr.yaml"))
        .containsExactly("render", "-f", "cr.yaml");
    assertThat(OperatorMain.withDefaultCommand(commandLine, "--help")).containsExactly("--help");
  }

  @Test
  void offersBothCommands() {
    assertThat(commandLine.getSubcommands()).containsKeys("run", "render");
  }
}
