package io.agentruntime.runtime;

import ch.qos.logback.classic.LoggerContext;
import io.agentruntime.contract.config.ConfigException;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving role of the process: loads the configuration file, starts the runtime and drains it
 * on SIGTERM. The command line ({@code agent-runtime --config FILE}) calls it; it knows nothing of
 * command lines itself.
 */
public final class RuntimeLauncher {

  /** The runtime serves; its server's threads keep the process alive until SIGTERM. */
  public static final int SERVING = 0;

  /** The runtime could not start (a port in use, an unreadable store, ...). */
  public static final int START_FAILED = 1;

  /** The configuration file is missing or invalid; nothing was started. */
  public static final int INVALID_CONFIGURATION = 2;

  private RuntimeLauncher() {}

  /**
   * Serves with {@code configFile} until SIGTERM.
   *
   * @param environment the process environment: the configuration's {@code AGENT_*} overrides
   * @param err where an invalid configuration is reported, naming the key at fault
   * @return {@link #SERVING}, {@link #START_FAILED} or {@link #INVALID_CONFIGURATION}
   */
  public static int serve(Path configFile, Map<String, String> environment, PrintWriter err) {
    return serve(configFile, environment, err, RuntimeServer.Role.SERVE);
  }

  /**
   * Runs {@code role} with {@code configFile} until SIGTERM: {@link RuntimeServer.Role#WORKER} runs
   * queued dispatches (the configuration's {@code async}) and serves only the management port.
   */
  public static int serve(
      Path configFile, Map<String, String> environment, PrintWriter err, RuntimeServer.Role role) {
    RuntimeConfig config;
    try {
      config = new RuntimeConfigLoader(environment).load(configFile);
    } catch (ConfigException e) {
      err.println("invalid configuration: " + e.getMessage());
      return INVALID_CONFIGURATION;
    }
    RuntimeServer server;
    try {
      server = RuntimeServer.start(config, role).toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      log().error("the runtime could not start: {}", e.getCause().getMessage(), e.getCause());
      return START_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return START_FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drain(server, config), "shutdown"));
    if (role == RuntimeServer.Role.WORKER) {
      log()
          .info(
              "agent-runtime {} worker running intents [{}] (probes and metrics on http://{}:{})",
              config.runtime().resource(),
              config.intents().stream().map(IntentConfig::name).collect(Collectors.joining(", ")),
              config.server().management().host(),
              server.managementPort());
      return SERVING;
    }
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
    return SERVING;
  }

  /**
   * Looked up when first needed, not in a static field: a command line that runs a tool instead
   * chooses its logging configuration after this class is loaded and before the first logger.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(RuntimeLauncher.class);
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
