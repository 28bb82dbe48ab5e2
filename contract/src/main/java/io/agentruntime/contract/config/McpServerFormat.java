package io.agentruntime.contract.config;

import io.agentruntime.contract.config.McpServerConfig.HeaderValue;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes {@code mcpServers}: each upstream MCP server's name, URL, timeout, headers. A
 * header is its value ({@code Authorization: Bearer ...}, short for {@code {value: ...}}) or the
 * file to read it from ({@code Authorization: {file: /path}}).
 */
final class McpServerFormat {

  static final String MCP_SERVERS = "mcpServers";
  private static final String NAME = "name";
  private static final String URL = "url";
  private static final String TIMEOUT = "timeout";
  private static final String HEADERS = "headers";
  private static final String VALUE = "value";
  private static final String FILE = "file";

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

  private static Map<String, HeaderValue> headers(ConfigNode node) throws ConfigException {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, ConfigNode> header : node.optionalMap(HEADERS, VALUE).entrySet()) {
      String name = header.getKey();
      var problem = McpServerHeaders.nameProblem(name);
      if (problem.isPresent()) {
        throw node.error(HEADERS, problem.get());
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw node.error(HEADERS, "'" + name + "' is given twice (names ignore case)");
      }
      headers.put(name, value(header.getValue()));
    }
    return headers;
  }

  /** Exactly one of {@code value} and {@code file}. */
  private static HeaderValue value(ConfigNode header) throws ConfigException {
    if (header.has(VALUE) == header.has(FILE)) {
      throw header.error("exactly one of value or file must be set");
    }
    HeaderValue value;
    if (header.has(VALUE)) {
      String text = header.string(VALUE, null);
      var problem = McpServerHeaders.valueProblem(text);
      if (problem.isPresent()) {
        throw header.error(VALUE, problem.get());
      }
      value = new HeaderValue.Literal(text);
    } else {
      value = file(header);
    }
    header.rejectUnknownKeys();
    return value;
  }

  /** The file a header is read from; {@link HeaderValue.FromFile} holds it to an absolute path. */
  private static HeaderValue.FromFile file(ConfigNode header) throws ConfigException {
    String text = header.string(FILE, null);
    try {
      return new HeaderValue.FromFile(Path.of(text));
    } catch (InvalidPathException e) {
      throw header.error(FILE, "invalid path '" + text + "'");
    } catch (IllegalArgumentException e) {
      throw header.error(FILE, "must be an absolute path, got '" + text + "'");
    }
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
                out.put(HEADERS, written(server.headers()));
              }
              return out;
            })
        .toList();
  }

  private static Map<String, Object> written(Map<String, HeaderValue> headers) {
    Map<String, Object> out = new TreeMap<>();
    headers.forEach(
        (name, value) ->
            out.put(
                name,
                switch (value) {
                  case HeaderValue.Literal literal -> literal.value();
                  case HeaderValue.FromFile file -> Map.of(FILE, file.file().toString());
                }));
    return out;
  }
}
