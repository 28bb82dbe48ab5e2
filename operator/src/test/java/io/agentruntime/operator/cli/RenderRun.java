package io.agentruntime.operator.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the {@code render} command in process, with what it printed.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record RenderRun(int exitCode, String out, String err) {

  /** Runs {@code render args} with {@code stdin} as its standard input. */
  static RenderRun of(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        new CommandLine(
            new RenderCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new RenderRun(exitCode, out.toString(), err.toString());
  }
}
