package io.agentruntime.cli;

import io.agentruntime.cli.demo.DemoMcpServerCommand;
import io.agentruntime.cli.loadtest.LoadTestCommand;
import io.agentruntime.cli.loadtest.PerfRegressionCommand;
import io.agentruntime.cli.policies.PoliciesCommand;
import io.agentruntime.runtime.RuntimeLauncher;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code agent-runtime --config FILE}: serves the runtime until SIGTERM; {@code agent-runtime
 * worker --config FILE} runs its queued long-running dispatches instead. With another command it
 * runs one of the tools: {@code policies push|list|diff}, {@code loadtest}, {@code
 * perf-regression}, {@code demo-mcp-server}.
 */
@Command(
    name = "agent-runtime",
    mixinStandardHelpOptions = true,
    description = {
      "Serves POST /dispatch: Cedar governance, then the intent's backend.",
      "With a command, manages policies or measures a runtime instead of serving (see"
          + " agent-runtime COMMAND --help)."
    })
public final class AgentRuntimeCommand implements Callable<Integer> {

  private final Map<String, String> environment;
  private boolean serving;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "serve with this runtime configuration (docs/configuration.md)")
  private Path configFile;

  private AgentRuntimeCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    AgentRuntimeCommand main = new AgentRuntimeCommand(System.getenv());
    CommandLine commandLine = main.commandLine();
    commandLine.setExecutionStrategy(
        parsed -> {
          if (parsed.hasSubcommand()
              && !WorkerCommand.NAME.equals(parsed.subcommand().commandSpec().name())) {
            ToolLogging.select();
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    int exitCode = commandLine.execute(args);
    // A serving runtime lives on in its server's threads; everything else ends here.
    if (!main.serving) {
      System.exit(exitCode);
    }
  }

  /**
   * The whole command line, as {@link #main} runs it.
   *
   * @param environment the process environment: configuration overrides, {@code AWS_REGION}
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    return new AgentRuntimeCommand(environment).commandLine();
  }

  private CommandLine commandLine() {
    return new CommandLine(this)
        .addSubcommand(
            new WorkerCommand(
                environment, exitCode -> serving = exitCode == RuntimeLauncher.SERVING))
        .addSubcommand(new PoliciesCommand(environment))
        .addSubcommand(new LoadTestCommand())
        .addSubcommand(new PerfRegressionCommand())
        .addSubcommand(new DemoMcpServerCommand())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() {
    if (configFile == null) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing option '--config=FILE' (or a command: "
              + String.join(", ", spec.subcommands().keySet())
              + ")");
    }
    int exitCode = RuntimeLauncher.serve(configFile, environment, spec.commandLine().getErr());
    serving = exitCode == RuntimeLauncher.SERVING;
    return exitCode;
  }
}
