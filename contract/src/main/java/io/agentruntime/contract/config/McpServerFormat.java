package io.agentruntime.contract.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads and writes {@code mcpServers}: each upstream MCP server's name, URL, timeout, headers. */
final class McpServerFormat {

  static final String MCP_SERVERS = "mcpServers";
  private static final String NAME = "name";
  private static final String URL = "url";
  private static final String TIMEOUT = "timeout";
  private static final String HEADERS = "headers";

  /** An HTTP token (RFC 9110 §5.6.2), the only spelling a header name may have. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

  /**
   * Headers the gateway sets itself on every upstream request: a configured value would be
   * overwritten or would break the transport.
   */
  static final Set<String> RESERVED_HEADERS =
      Set.of(
          "accept",
          "connection",
          "content-length",
          "content-type",
          "host",
          "last-event-id",
          "mcp-protocol-version",
          "mcp-session-id",
          "transfer-encoding");

  private McpServerFormat() {}

  static List<McpServerConfig> read(ConfigNode root) throws ConfigException {
    List<McpServerConfig> servers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : root.optionalList(MCP_SERVERS, NAME)) {
      String name = node.string(NAME, null);
      if (!McpServerConfig.NAME.matcher(name).matches()) {
        throw node.error(NAME, "'" + name + "' must match " + McpServerConfig.NAME.pattern());
      }
      if (!names.add(name)) {
        throw node.error(NAME, "duplicate MCP server '" + name + "'");
      }
      servers.add(
          new McpServerConfig(
              name,
              node.httpUrl(URL),
              node.duration(TIMEOUT, McpServerConfig.DEFAULT_TIMEOUT),
              headers(node)));
      node.rejectUnknownKeys();
    }
    return servers;
  }

  private static Map<String, String> headers(ConfigNode node) throws ConfigException {
    Map<String, String> headers = node.stringMap(HEADERS);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      if (!HEADER_NAME.matcher(name).matches()) {
        throw node.error(HEADERS, "'" + name + "' is not a valid header name");
      }
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw node.error(HEADERS, "'" + name + "' is set by the gateway itself");
      }
      if (header.getValue().chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw node.error(HEADERS + "." + name, "must not contain line breaks");
      }
    }
    return headers;
  }

  /** Each server's timeout is written even at its default, like an intent's. */
  static List<MappingWriter> write(List<McpServerConfig> servers) {
    return servers.stream()
        .map(
            server -> {
              MappingWriter out =
                  new MappingWriter()
                      .put(NAME, server.name())
                      .put(URL, server.url())
                      .put(TIMEOUT, server.timeout());
              if (!server.headers().isEmpty()) {
                out.put(HEADERS, new TreeMap<>(server.headers()));
              }
              return out;
            })
        .toList();
  }
}
