package io.agentruntime.cli;

import io.agentruntime.runtime.RuntimeLauncher;
import io.agentruntime.runtime.RuntimeServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent-runtime worker --config FILE}: runs the dispatches queued with {@code Prefer:
 * respond-async} until SIGTERM, with the same configuration file as the serving runtime.
 */
@Command(
    name = WorkerCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Runs long-running dispatches from the configuration's async queue until SIGTERM.",
      "Serves only the management port (probes and metrics)."
    })
final class WorkerCommand implements Callable<Integer> {

  static final String NAME = "worker";

  private final Map<String, String> environment;
  private final IntConsumer started;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      required = true,
      description = "the runtime configuration (docs/configuration.md), with its async section")
  private Path configFile;

  /**
   * @param started told the exit code once the worker started or failed to
   */
  WorkerCommand(Map<String, String> environment, IntConsumer started) {
    this.environment = environment;
    this.started = started;
  }

  @Override
  public Integer call() {
    int exitCode =
        RuntimeLauncher.serve(
            configFile, environment, spec.commandLine().getErr(), RuntimeServer.Role.WORKER);
    started.accept(exitCode);
    return exitCode;
  }
}
