package io.agentruntime.runtime.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.EvaluatorChoice;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the runtime's YAML configuration file into a {@link RuntimeConfig}: defaults applied,
 * environment overrides applied, unknown keys rejected, every error naming its key path.
 */
public final class RuntimeConfigLoader {

  private static final Pattern INTENT_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Set<String> BACKEND_TYPES = Set.of("echo", "http", "openai");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, String> environment;

  /**
   * @param environment the process environment (overrides listed in docs/configuration.md)
   */
  public RuntimeConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Reads and validates {@code file}. */
  public RuntimeConfig load(Path file) throws ConfigException {
    JsonNode tree;
    try {
      tree = YAML.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new ConfigException(file + ": invalid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (tree instanceof ObjectNode object) {
      new EnvironmentOverrides(environment).apply(object);
    }
    Path baseDirectory = file.toAbsolutePath().getParent();
    return parse(ConfigNode.root(tree), baseDirectory);
  }

  private RuntimeConfig parse(ConfigNode root, Path baseDirectory) throws ConfigException {
    RuntimeIdentity runtime = runtime(root.object("runtime"));
    GovernanceConfig governance = governance(root.object("governance"), runtime, baseDirectory);
    RuntimeConfig config =
        new RuntimeConfig(
            runtime,
            server(root.object("server")),
            identity(root.object("identity")),
            governance,
            IdempotencyConfigReader.read(root.object("idempotency"), governance.store()),
            rateLimits(root.object("rateLimits")),
            intents(root));
    root.rejectUnknownKeys();
    checkLocalModeBinding(config.server(), config.identity());
    return config;
  }

  private static RuntimeIdentity runtime(ConfigNode node) throws ConfigException {
    RuntimeIdentity runtime =
        new RuntimeIdentity(node.string("name", "local"), node.string("namespace", "default"));
    node.rejectUnknownKeys();
    return runtime;
  }

  private static ServerConfig server(ConfigNode node) throws ConfigException {
    String host = node.string("host", "0.0.0.0");
    int port = node.integer("port", 8080, 0, 65535);
    ServerConfig server =
        new ServerConfig(
            host,
            port,
            node.integer("eventLoops", 0, 0, 1024),
            node.size("maxBodySize", 1 << 20),
            node.duration("requestTimeout", Duration.ofSeconds(30)),
            node.duration("idleTimeout", Duration.ofSeconds(60)),
            node.duration("shutdownGracePeriod", Duration.ofSeconds(20)),
            node.bool("http2ClearText", false),
            node.integer("maxConnections", ServerConfig.DEFAULT_MAX_CONNECTIONS, 1, 1_000_000),
            node.duration("headerTimeout", Duration.ofSeconds(10)),
            management(node.object("management"), host, port));
    node.rejectUnknownKeys();
    return server;
  }

  private static ManagementConfig management(ConfigNode node, String apiHost, int apiPort)
      throws ConfigException {
    ManagementConfig management =
        new ManagementConfig(
            node.string("host", apiHost),
            node.integer("port", ManagementConfig.DEFAULT_PORT, 0, 65535));
    if (management.port() != 0 && management.port() == apiPort) {
      throw node.error("port", "must differ from server.port (" + apiPort + ")");
    }
    node.rejectUnknownKeys();
    return management;
  }

  private static IdentityConfig identity(ConfigNode node) throws ConfigException {
    IdentityConfig identity =
        new IdentityConfig(
            node.string("principalHeader", "x-agent-principal"),
            node.has("groupsHeader")
                ? Optional.of(node.string("groupsHeader", null))
                : Optional.empty(),
            node.bool("localMode", false),
            node.bool("allowNonLoopbackLocalMode", false));
    node.rejectUnknownKeys();
    return identity;
  }

  /**
   * Local mode trusts the body to name its caller: refused on an address other hosts can reach,
   * unless the configuration says so in as many words.
   */
  private static void checkLocalModeBinding(ServerConfig server, IdentityConfig identity)
      throws ConfigException {
    if (identity.localMode()
        && !identity.allowNonLoopbackLocalMode()
        && !server.bindsLoopbackOnly()) {
      throw new ConfigException(
          "identity.localMode: true lets any caller choose its principal with context.user_id,"
              + " but server.host '"
              + server.host()
              + "' is not a loopback address; listen on 127.0.0.1, or set"
              + " identity.allowNonLoopbackLocalMode: true to accept that risk");
    }
  }

  private static GovernanceConfig governance(
      ConfigNode node, RuntimeIdentity runtime, Path baseDirectory) throws ConfigException {
    EnforcementMode mode;
    String modeText = node.string("mode", "Enforce");
    try {
      mode = EnforcementMode.parse(modeText);
    } catch (IllegalArgumentException e) {
      throw node.error("mode", e.getMessage());
    }
    EvaluatorChoice evaluator;
    try {
      evaluator = EvaluatorChoice.parse(node.string("evaluator", EvaluatorChoice.JVM.configName()));
    } catch (IllegalArgumentException e) {
      throw node.error("evaluator", e.getMessage());
    }
    GovernanceConfig governance =
        new GovernanceConfig(
            mode,
            evaluator,
            node.duration("refreshInterval", Duration.ofSeconds(10)),
            node.duration("maxStaleness", Duration.ofMinutes(5)),
            PolicyStoreConfigReader.read(node.object("store"), runtime, baseDirectory),
            contextLimits(node.object("context")));
    node.rejectUnknownKeys();
    return governance;
  }

  private static ContextLimits contextLimits(ConfigNode node) throws ConfigException {
    ContextLimits limits =
        new ContextLimits(
            node.size("maxBytes", ContextLimits.DEFAULT_MAX_BYTES),
            node.integer("maxMembers", ContextLimits.DEFAULT_MAX_MEMBERS, 1, Integer.MAX_VALUE),
            node.integer("maxDepth", ContextLimits.DEFAULT_MAX_DEPTH, 1, ContextLimits.DEEPEST));
    node.rejectUnknownKeys();
    return limits;
  }

  private static RateLimitConfig rateLimits(ConfigNode node) throws ConfigException {
    RateLimitConfig.OnStoreError onStoreError =
        switch (node.string("onStoreError", "allow")) {
          case "allow" -> RateLimitConfig.OnStoreError.ALLOW;
          case "deny" -> RateLimitConfig.OnStoreError.DENY;
          case String other ->
              throw node.error("onStoreError", "must be allow or deny, got '" + other + "'");
        };
    node.rejectUnknownKeys();
    return new RateLimitConfig(onStoreError);
  }

  private static List<IntentConfig> intents(ConfigNode root) throws ConfigException {
    List<IntentConfig> intents = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : root.objectList("intents")) {
      String name = node.string("name", null);
      if (!INTENT_NAME.matcher(name).matches()) {
        throw node.error("name", "'" + name + "' must match " + INTENT_NAME.pattern());
      }
      if (!names.add(name)) {
        throw node.error("name", "duplicate intent '" + name + "'");
      }
      Duration timeout = node.duration("timeout", Duration.ofSeconds(30));
      intents.add(new IntentConfig(name, timeout, backend(node.object("backend"))));
      node.rejectUnknownKeys();
    }
    return intents;
  }

  private static BackendConfig backend(ConfigNode node) throws ConfigException {
    String type = node.string("type", null);
    if (!BACKEND_TYPES.contains(type)) {
      throw node.error("type", "must be echo, http or openai, got '" + type + "'");
    }
    boolean remote = !type.equals("echo");
    URI url = remote ? node.httpUrl("url") : null;
    String model = type.equals("openai") ? node.string("model", null) : null;
    int maxConnections =
        remote
            ? node.integer(
                "maxConnections", BackendConfig.DEFAULT_MAX_CONNECTIONS, 1, Integer.MAX_VALUE)
            : BackendConfig.DEFAULT_MAX_CONNECTIONS;
    int maxPending =
        remote
            ? node.integer(
                "maxPending", BackendConfig.defaultMaxPending(maxConnections), 1, Integer.MAX_VALUE)
            : BackendConfig.defaultMaxPending(maxConnections);
    long maxResponseSize =
        remote
            ? node.size("maxResponseSize", BackendConfig.DEFAULT_MAX_RESPONSE_SIZE)
            : BackendConfig.DEFAULT_MAX_RESPONSE_SIZE;
    node.rejectUnknownKeys();
    return new BackendConfig(type, url, model, maxConnections, maxPending, maxResponseSize);
  }
}
