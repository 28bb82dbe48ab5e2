package io.agentruntime.runtime;

import ch.qos.logback.classic.LoggerContext;
import io.agentruntime.runtime.admin.AdminLogging;
import io.agentruntime.runtime.admin.PoliciesCommand;
import io.agentruntime.runtime.config.ConfigException;
import io.agentruntime.runtime.config.IntentConfig;
import io.agentruntime.runtime.config.RuntimeConfig;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import io.agentruntime.runtime.loadtest.LoadTestCommand;
import io.agentruntime.runtime.loadtest.PerfRegressionCommand;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code agent-runtime --config FILE}: serves the runtime until SIGTERM. {@code agent-runtime
 * policies push|list|diff} manages a policy set in DynamoDB instead.
 */
@Command(
    name = "agent-runtime",
    mixinStandardHelpOptions = true,
    description = {
      "Serves POST /dispatch: Cedar governance, then the intent's backend.",
      "With a command, manages policies instead of serving (see agent-runtime policies --help)."
    })
public final class RuntimeMain implements Callable<Integer> {

  private final Map<String, String> environment;
  private boolean serving;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "serve with this runtime configuration (docs/configuration.md)")
  private Path configFile;

  private RuntimeMain(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    RuntimeMain main = new RuntimeMain(System.getenv());
    CommandLine commandLine = main.commandLine();
    commandLine.setExecutionStrategy(
        parsed -> {
          if (parsed.hasSubcommand()) {
            AdminLogging.select();
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
    return new RuntimeMain(environment).commandLine();
  }

  private CommandLine commandLine() {
    return new CommandLine(this)
        .addSubcommand(new PoliciesCommand(environment))
        .addSubcommand(new LoadTestCommand())
        .addSubcommand(new PerfRegressionCommand())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() throws Exception {
    if (configFile == null) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing option '--config=FILE' (or a command: "
              + String.join(", ", spec.subcommands().keySet())
              + ")");
    }
    RuntimeConfig config;
    try {
      config = new RuntimeConfigLoader(environment).load(configFile);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("invalid configuration: " + e.getMessage());
      return 2;
    }
    RuntimeServer server;
    try {
      server = RuntimeServer.start(config).toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      log().error("the runtime could not start: {}", e.getCause().getMessage(), e.getCause());
      return 1;
    }
    serving = true;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drain(server, config), "shutdown"));
    log()
        .info(
            "agent-runtime {} listening on http://{}:{} (probes and metrics on http://{}:{}) with"
                + " intents [{}], {} policies (policy set version {})",
            config.runtime().resource(),
            config.server().host(),
            server.port(),
            config.server().management().host(),
            server.managementPort(),
            config.intents().stream().map(IntentConfig::name).collect(Collectors.joining(", ")),
            server.services().governor().policyCount(),
            server.services().governor().policySetVersion());
    return 0;
  }

  /**
   * Looked up when first needed, not in a static field: the {@code policies} commands choose their
   * logging configuration after this class is loaded and before the first logger exists.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(RuntimeMain.class);
  }

  private static void drain(RuntimeServer server, RuntimeConfig config) {
    log().info("shutting down: draining in-flight requests");
    long budget = config.server().shutdownGracePeriod().toMillis() + 5_000;
    try {
      server
          .shutdown()
          .toCompletionStage()
          .toCompletableFuture()
          .get(budget, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log().warn("shutdown did not complete cleanly", e);
    }
    // Flush the batched decision log: its last lines are the audit trail of the drain.
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.stop();
    }
  }
}
