package io.agentruntime.runtime.testing;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server on loopback: the MCP Java SDK's Streamable HTTP server in an embedded Tomcat,
 * serving a few tools, counting the calls each one receives and keeping the W3C {@code traceparent}
 * header of every message it is sent.
 *
 * <ul>
 *   <li>{@code echo}: answers its {@code text} argument
 *   <li>{@code transfer}: answers {@code transferred <amount> to <account>}
 *   <li>{@code delete_repo}: answers {@code deleted}
 *   <li>{@code countdown}: sends a progress notification, waits until {@link #release()}, answers
 *       {@code done}
 * </ul>
 *
 * <p>Like an upstream that holds its own credentials, it can {@link #requireAuthorization require}
 * an {@code Authorization} header, refusing every request without it with 401.
 */
public final class McpToolServer implements AutoCloseable {

  private final Tomcat tomcat;
  private final Path baseDir;
  private final McpSyncServer server;
  private final Tools tools;
  private final CountDownLatch gate;
  private final Credentials credentials;

  /** The {@code Authorization} value required (none: every request passes) and those received. */
  private static final class Credentials {
    final AtomicReference<String> required = new AtomicReference<>();
    final AtomicReference<String> lastAccepted = new AtomicReference<>();
    final AtomicInteger refused = new AtomicInteger();

    void filter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      String expected = required.get();
      String given = ((HttpServletRequest) request).getHeader("authorization");
      if (expected != null && !expected.equals(given)) {
        refused.incrementAndGet();
        HttpServletResponse refusal = (HttpServletResponse) response;
        refusal.setHeader("www-authenticate", "Bearer");
        refusal.sendError(401);
        return;
      }
      lastAccepted.set(given);
      chain.doFilter(request, response);
    }
  }

  private McpToolServer(
      Tomcat tomcat,
      Path baseDir,
      McpSyncServer server,
      Tools tools,
      CountDownLatch gate,
      Credentials credentials) {
    this.credentials = credentials;
    this.tomcat = tomcat;
    this.baseDir = baseDir;
    this.server = server;
    this.tools = tools;
    this.gate = gate;
  }

  public static McpToolServer start() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Tools tools =
        new Tools(
            new ConcurrentHashMap<>(),
            new ConcurrentHashMap<>(),
            new ConcurrentHashMap<>(),
            new CopyOnWriteArrayList<>());
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .mcpEndpoint("/mcp")
            .contextExtractor(tools::traced)
            .build();
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo("test-tools", "1.0.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .tools(
                tools.tool(
                    "echo", (exchange, call) -> text(String.valueOf(call.arguments().get("text")))),
                tools.tool(
                    "transfer",
                    (exchange, call) ->
                        text(
                            "transferred "
                                + call.arguments().get("amount")
                                + " to "
                                + call.arguments().get("account"))),
                tools.tool("delete_repo", (exchange, call) -> text("deleted")),
                tools.tool("countdown", (exchange, call) -> countdown(exchange, call, gate)))
            .build();
    Path baseDir = Files.createTempDirectory("mcp-tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toString());
    Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
    context.addServletMappingDecoded("/mcp", "mcp");
    Credentials credentials = new Credentials();
    FilterDef filter = new FilterDef();
    filter.setFilterName("credentials");
    filter.setFilter(credentials::filter);
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("credentials");
    mapping.addURLPatternDecoded("/mcp");
    context.addFilterMap(mapping);
    tomcat.start();
    return new McpToolServer(tomcat, baseDir, server, tools, gate, credentials);
  }

  /**
   * From now on, refuses with 401 every request whose {@code Authorization} is not {@code value}.
   */
  public void requireAuthorization(String value) {
    credentials.required.set(value);
  }

  /** The {@code Authorization} of the last request let through, if it had one. */
  public Optional<String> lastAuthorization() {
    return Optional.ofNullable(credentials.lastAccepted.get());
  }

  /** How many requests were refused for their missing or wrong {@code Authorization}. */
  public int refusedForCredentials() {
    return credentials.refused.get();
  }

  /** The server's Streamable HTTP endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/mcp");
  }

  /** How many calls of {@code tool} reached the server. */
  public int calls(String tool) {
    return tools.calls().getOrDefault(tool, new AtomicInteger()).get();
  }

  /** The arguments of the last call of {@code tool} the server received. */
  public Map<String, Object> lastArguments(String tool) {
    return tools.lastArguments().getOrDefault(tool, Map.of());
  }

  /** The {@code traceparent} header of the message that called {@code tool} last, if it had one. */
  public Optional<String> lastTraceparent(String tool) {
    return Optional.ofNullable(tools.lastTraceparents().get(tool));
  }

  /** The {@code traceparent} headers of every message the server was sent, in order. */
  public List<String> traceparents() {
    return List.copyOf(tools.traceparents());
  }

  /** Lets {@code countdown} calls answer. */
  public void release() {
    gate.countDown();
  }

  /** Stops the server abruptly, calls in flight included: their connections are closed. */
  public void kill() throws Exception {
    tomcat.getConnector().stop();
  }

  @Override
  public void close() throws Exception {
    gate.countDown();
    server.closeGracefully();
    tomcat.stop();
    tomcat.destroy();
    try (var files = Files.walk(baseDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static CallToolResult countdown(
      McpSyncServerExchange exchange, CallToolRequest call, CountDownLatch gate) {
    Object token = call.meta() == null ? null : call.meta().get("progressToken");
    if (token != null) {
      exchange.progressNotification(
          new McpSchema.ProgressNotification(token, 1.0, 2.0, "half way"));
    }
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        return text("gave up");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return text("interrupted");
    }
    return text("done");
  }

  private static CallToolResult text(String text) {
    return CallToolResult.builder().addTextContent(text).isError(false).build();
  }

  /**
   * Builds tools that count their calls and keep their last arguments and {@code traceparent}, and
   * keeps the {@code traceparent} of every message.
   */
  private record Tools(
      Map<String, AtomicInteger> calls,
      Map<String, Map<String, Object>> lastArguments,
      Map<String, String> lastTraceparents,
      List<String> traceparents) {

    private static final String TRACEPARENT = "traceparent";

    /** The transport context of a message: its {@code traceparent}, noted on the way. */
    McpTransportContext traced(HttpServletRequest request) {
      String traceparent = request.getHeader(TRACEPARENT);
      if (traceparent == null) {
        return McpTransportContext.EMPTY;
      }
      traceparents.add(traceparent);
      return McpTransportContext.create(Map.of(TRACEPARENT, traceparent));
    }

    SyncToolSpecification tool(
        String name, BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
      return SyncToolSpecification.builder()
          .tool(
              McpSchema.Tool.builder()
                  .name(name)
                  .description("the " + name + " tool")
                  .inputSchema(Map.of("type", "object", "properties", Map.of()))
                  .build())
          .callHandler(
              (exchange, call) -> {
                calls.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
                lastArguments.put(
                    name, call.arguments() == null ? Map.of() : Map.copyOf(call.arguments()));
                if (exchange.transportContext().get(TRACEPARENT) instanceof String traceparent) {
                  lastTraceparents.put(name, traceparent);
                }
                return handler.apply(exchange, call);
              })
          .build();
    }
  }
}
