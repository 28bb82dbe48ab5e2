package io.agentruntime.runtime.loadtest;

import io.agentruntime.runtime.RuntimeMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * What a user sees of one {@code agent-runtime} invocation, run in-process through the command line
 * that {@code main} runs.
 *
 * @param exitCode the process's exit code
 * @param out standard output
 * @param err standard error
 */
record CommandRun(int exitCode, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RuntimeMain.commandLine(Map.of());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  /** The total results of a {@code loadtest -o json} run. */
  LoadResult results() {
    return LoadReport.parse(out).total();
  }
}
