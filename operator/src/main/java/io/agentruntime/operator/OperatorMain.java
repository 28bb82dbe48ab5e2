package io.agentruntime.operator;

import io.agentruntime.operator.cli.RenderCommand;
import io.agentruntime.operator.runner.RunCommand;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agent-runtime-operator}: {@code run} reconciles AgentRuntimes in a cluster (the default
 * when no command is given); {@code render} prints the objects for an AgentRuntime without one.
 */
@Command(
    name = "agent-runtime-operator",
    subcommands = {RunCommand.class, RenderCommand.class},
    description = "Runs AI agents on Kubernetes from AgentRuntime resources.")
public final class OperatorMain {

  private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help");

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  private OperatorMain() {}

  /** Entry point of the operator image and of the render CLI. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (0 on success). */
  static int execute(String... args) {
    var commandLine = new CommandLine(new OperatorMain());
    return commandLine.execute(withDefaultCommand(commandLine, args));
  }

  /** Prefixes {@code run} unless the arguments already name a command or ask for help. */
  static String[] withDefaultCommand(CommandLine commandLine, String... args) {
    if (args.length > 0
        && (commandLine.getSubcommands().containsKey(args[0]) || HELP_OPTIONS.contains(args[0]))) {
      return args;
    }
    return Stream.concat(Stream.of("run"), Stream.of(args)).toArray(String[]::new);
  }
}
