package io.agentruntime.runtime;

import ch.qos.logback.classic.LoggerContext;
import io.agentruntime.runtime.config.ConfigException;
import io.agentruntime.runtime.config.IntentConfig;
import io.agentruntime.runtime.config.RuntimeConfig;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent-runtime --config FILE}: serves the runtime until SIGTERM. */
@Command(
    name = "agent-runtime",
    mixinStandardHelpOptions = true,
    description = "Serves POST /dispatch: Cedar governance, then the intent's backend.")
public final class RuntimeMain implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeMain.class);

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "the runtime configuration (docs/configuration.md)")
  private Path configFile;

  public static void main(String[] args) {
    int exitCode = new CommandLine(new RuntimeMain()).execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  @Override
  public Integer call() throws Exception {
    RuntimeConfig config;
    try {
      config = new RuntimeConfigLoader(System.getenv()).load(configFile);
    } catch (ConfigException e) {
      System.err.println("invalid configuration: " + e.getMessage());
      return 2;
    }
    RuntimeServer server;
    try {
      server = RuntimeServer.start(config).toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      LOG.error("the runtime could not start: {}", e.getCause().getMessage(), e.getCause());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drain(server, config), "shutdown"));
    LOG.info(
        "agent-runtime {} listening on http://{}:{} with intents [{}], {} policies (policy set"
            + " version {})",
        config.runtime().resource(),
        config.server().host(),
        server.port(),
        config.intents().stream().map(IntentConfig::name).collect(Collectors.joining(", ")),
        server.services().governor().policyCount(),
        server.services().governor().policySetVersion());
    return 0;
  }

  private static void drain(RuntimeServer server, RuntimeConfig config) {
    LOG.info("shutting down: draining in-flight requests");
    long budget = config.server().shutdownGracePeriod().toMillis() + 5_000;
    try {
      server
          .shutdown()
          .toCompletionStage()
          .toCompletableFuture()
          .get(budget, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("shutdown did not complete cleanly", e);
    }
    // Flush the batched decision log: its last lines are the audit trail of the drain.
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.stop();
    }
  }
}
