package io.agentruntime.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentruntime.contract.config.ConfigException;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.contract.config.RuntimeConfigFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the runtime's configuration file: the environment's overrides applied to it, then read by
 * the shared {@link RuntimeConfigFormat} (defaults applied, unknown keys rejected, every error
 * naming its key path).
 */
public final class RuntimeConfigLoader {

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
      tree = RuntimeConfigFormat.tree(Files.readString(file));
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (tree instanceof ObjectNode object) {
      new EnvironmentOverrides(environment).apply(object);
    }
    return RuntimeConfigFormat.read(tree, file.toAbsolutePath().getParent());
  }
}
