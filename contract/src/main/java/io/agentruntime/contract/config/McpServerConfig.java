package io.agentruntime.contract.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One upstream MCP server the runtime serves as a governed gateway (configuration {@code
 * mcpServers[]}): callers reach it at {@code /mcp/<name>}, and each of its tools is the Cedar
 * action {@code Action::"mcp:<name>/<tool>"}.
 *
 * @param name the server's name: the last segment of {@code /mcp/<name>} and the middle of its
 *     actions
 * @param url the upstream's Streamable HTTP endpoint
 * @param timeout how long the upstream may take to finish answering one request (a streamed answer
 *     included); past it the caller gets a JSON-RPC error
 * @param headers headers sent upstream with every request, e.g. the upstream's own credentials,
 *     each given in the file or read from a file of its own
 */
public record McpServerConfig(
    String name, URI url, Duration timeout, Map<String, HeaderValue> headers) {

  /** Where a header's value comes from. */
  public sealed interface HeaderValue {

    /** Written in the configuration file: for values that are no secret. */
    record Literal(String value) implements HeaderValue {
      public Literal {
        Objects.requireNonNull(value, "value");
      }

      /** Never the value: whatever prints a configuration prints no credential. */
      @Override
      public String toString() {
        return "Literal[" + value.length() + " characters]";
      }
    }

    /**
     * Read from {@code file} (e.g. a mounted Secret's key) at start, and again whenever the file is
     * replaced: the configuration file never holds the value.
     */
    record FromFile(Path file) implements HeaderValue {
      public FromFile {
        if (!file.isAbsolute()) {
          throw new IllegalArgumentException("a header's file must be an absolute path: " + file);
        }
      }
    }
  }

  /** A DNS label: safe in a URL path, a Cedar action and a metric label. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public McpServerConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "MCP server name '" + name + "' must match " + NAME.pattern());
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "the timeout of MCP server '" + name + "' must be positive");
    }
    headers = Map.copyOf(headers);
  }

  /** The path the runtime serves this server at. */
  public String path() {
    return "/mcp/" + name;
  }
}
