package io.agentruntime.contract.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The runtime's configuration file (docs/configuration.md), read into a {@link RuntimeConfig} and
 * written from one. The runtime reads it; the operator writes it into the ConfigMap the runtime's
 * pods mount. Each section's keys are declared once, in the format class that reads and writes
 * them.
 */
public final class RuntimeConfigFormat {

  private static final String RUNTIME = "runtime";
  private static final String NAME = "name";
  private static final String NAMESPACE = "namespace";
  private static final String SERVER = "server";
  private static final String IDENTITY = "identity";
  private static final String GOVERNANCE = "governance";
  private static final String IDEMPOTENCY = "idempotency";
  private static final String RATE_LIMITS = "rateLimits";
  private static final String ON_STORE_ERROR = "onStoreError";

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build();

  private RuntimeConfigFormat() {}

  /** Parses {@code text} as YAML and reads it. */
  public static RuntimeConfig read(String text, Path baseDirectory) throws ConfigException {
    return read(tree(text), baseDirectory);
  }

  /**
   * The YAML tree of {@code text}, for a caller that edits it before {@link #read(JsonNode, Path)}.
   */
  public static JsonNode tree(String text) throws ConfigException {
    try {
      return YAML.readTree(text);
    } catch (JacksonException e) {
      throw new ConfigException("invalid YAML: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a parsed file: defaults applied, unknown keys rejected, every error naming its key path.
   *
   * @param baseDirectory the file's directory: a relative policy directory starts there
   */
  public static RuntimeConfig read(JsonNode tree, Path baseDirectory) throws ConfigException {
    ConfigNode root = ConfigNode.root(tree);
    RuntimeIdentity runtime = runtime(root.object(RUNTIME));
    GovernanceConfig governance =
        GovernanceFormat.read(root.object(GOVERNANCE), runtime, baseDirectory);
    RuntimeConfig config =
        new RuntimeConfig(
            runtime,
            ServerFormat.read(root.object(SERVER)),
            IdentityFormat.read(root.object(IDENTITY)),
            governance,
            IdempotencyFormat.read(root.object(IDEMPOTENCY), governance.store()),
            rateLimits(root.object(RATE_LIMITS)),
            IntentFormat.read(root),
            McpServerFormat.read(root),
            AsyncFormat.read(root, governance.store()),
            TracingFormat.read(root));
    root.rejectUnknownKeys();
    IdentityFormat.checkLocalModeBinding(config.server(), config.identity());
    return config;
  }

  private static RuntimeIdentity runtime(ConfigNode node) throws ConfigException {
    RuntimeIdentity runtime =
        new RuntimeIdentity(
            node.string(NAME, RuntimeIdentity.DEFAULT_NAME),
            node.string(NAMESPACE, RuntimeIdentity.DEFAULT_NAMESPACE));
    node.rejectUnknownKeys();
    return runtime;
  }

  private static RateLimitConfig rateLimits(ConfigNode node) throws ConfigException {
    RateLimitConfig.OnStoreError onStoreError =
        switch (node.string(ON_STORE_ERROR, RateLimitConfig.DEFAULT.onStoreError().displayName())) {
          case "allow" -> RateLimitConfig.OnStoreError.ALLOW;
          case "deny" -> RateLimitConfig.OnStoreError.DENY;
          case String other ->
              throw node.error(ON_STORE_ERROR, "must be allow or deny, got '" + other + "'");
        };
    node.rejectUnknownKeys();
    return new RateLimitConfig(onStoreError);
  }

  /**
   * The file's text: the runtime's name, the listeners' ports, local mode, the governance mode and
   * timings and every intent with its timeout, and any other key only where it differs from its
   * default.
   */
  public static String write(RuntimeConfig config) {
    MappingWriter file =
        new MappingWriter()
            .put(
                RUNTIME,
                new MappingWriter()
                    .put(NAME, config.runtime().name())
                    .put(NAMESPACE, config.runtime().namespace()))
            .put(SERVER, ServerFormat.write(config.server()))
            .put(IDENTITY, IdentityFormat.write(config.identity()))
            .put(GOVERNANCE, GovernanceFormat.write(config.governance()))
            .putUnlessEmpty(IDEMPOTENCY, IdempotencyFormat.write(config.idempotency()))
            .putUnlessEmpty(
                RATE_LIMITS,
                new MappingWriter()
                    .putUnlessDefault(
                        ON_STORE_ERROR,
                        config.rateLimits().onStoreError().displayName(),
                        RateLimitConfig.DEFAULT.onStoreError().displayName()))
            .putList(IntentFormat.INTENTS, IntentFormat.write(config.intents()));
    if (!config.mcpServers().isEmpty()) {
      file.putList(McpServerFormat.MCP_SERVERS, McpServerFormat.write(config.mcpServers()));
    }
    config.async().ifPresent(async -> file.put(AsyncFormat.ASYNC, AsyncFormat.write(async)));
    config
        .tracing()
        .ifPresent(tracing -> file.put(TracingFormat.TRACING, TracingFormat.write(tracing)));
    try {
      return YAML.writeValueAsString(file.fields());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the runtime configuration", e);
    }
  }
}
