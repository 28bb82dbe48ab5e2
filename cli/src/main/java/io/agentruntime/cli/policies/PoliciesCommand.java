package io.agentruntime.cli.policies;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code agent-runtime policies}: the parent of {@code push}, {@code list} and {@code diff}, which
 * manage a runtime's policy set in DynamoDB without the operator.
 */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    subcommands = {PushCommand.class, ListCommand.class, DiffCommand.class},
    description = {
      "Manages a runtime's policy set in the DynamoDB table without the operator.",
      "Credentials come from the AWS SDK's default chain (environment, profile, role)."
    })
public final class PoliciesCommand implements Callable<Integer> {
  private final Map<String, String> environment;

  @Spec private CommandSpec spec;

  /**
   * @param environment the process environment, where {@code AWS_REGION} is looked up
   */
  public PoliciesCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  Map<String, String> environment() {
    return environment;
  }

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: push, list or diff");
  }
}
