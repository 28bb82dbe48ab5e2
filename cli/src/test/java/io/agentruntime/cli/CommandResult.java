package io.agentruntime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * What a user sees of one {@code agent-runtime} invocation, run in-process through the same command
 * line as {@code main}.
 *
 * @param exitCode the process's exit code
 * @param out standard output
 * @param err standard error
 */
public record CommandResult(int exitCode, String out, String err) {

  /** Runs the command line with an empty environment (no {@code AWS_REGION}). */
  public static CommandResult run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = AgentRuntimeCommand.commandLine(Map.of());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandResult(exitCode, out.toString(), err.toString());
  }

  public List<String> outLines() {
    return out.lines().toList();
  }
}
