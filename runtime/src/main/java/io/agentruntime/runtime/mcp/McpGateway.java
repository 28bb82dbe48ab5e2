package io.agentruntime.runtime.mcp;

import io.agentruntime.contract.config.McpServerConfig;
import io.agentruntime.runtime.coordination.CoordinationTable;
import io.agentruntime.runtime.http.RequestBodyReader;
import io.agentruntime.runtime.http.RequestTracing;
import io.agentruntime.runtime.http.Routes;
import io.agentruntime.runtime.http.RuntimeServices;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime as a governed MCP gateway: each configured server at {@code /mcp/<name>}, the
 * caller's sessions at {@code /v1/mcp/sessions}. Built once per runtime and shared by every event
 * loop; {@link #routes} adds its routes to each loop's router.
 */
public final class McpGateway implements AutoCloseable {

  private final RuntimeServices services;
  private final McpSessionStore sessions;
  private final Map<String, McpEndpoint> endpoints = new LinkedHashMap<>();
  private final Map<String, McpUpstream> upstreams = new LinkedHashMap<>();
  private final McpSessionsApi sessionsApi;

  /**
   * Reads the upstreams' header files first: a missing one stops the start before anything else of
   * the gateway is opened.
   *
   * @param servers the servers to serve: the configuration's, or none where the process serves no
   *     API (a worker, whose pod has none of the header files mounted)
   * @param table the governance table when the policy store is DynamoDB: sessions live there, so
   *     any pod serves any session; otherwise in this pod's memory
   */
  public McpGateway(
      Vertx vertx,
      RuntimeServices services,
      List<McpServerConfig> servers,
      Optional<CoordinationTable> table) {
    List<UpstreamHeaders> headers = openHeaders(vertx, servers);
    this.services = services;
    this.sessions =
        table
            .<McpSessionStore>map(
                shared ->
                    new DynamoDbMcpSessionStore(shared, services.config().runtime().resource()))
            .orElseGet(() -> new InMemoryMcpSessionStore(Clock.systemUTC()));
    GatewayServices gateway =
        new GatewayServices(
            services, sessions, new ToolPolicy(services.governor()), services.metrics().mcp());
    for (int i = 0; i < servers.size(); i++) {
      McpServerConfig server = servers.get(i);
      McpUpstream upstream = McpUpstream.create(vertx, server, headers.get(i));
      upstreams.put(server.name(), upstream);
      endpoints.put(server.name(), new McpEndpoint(upstream, gateway));
    }
    this.sessionsApi = new McpSessionsApi(gateway, endpoints::get);
  }

  /** Each server's headers, in the order of {@code servers}; none left open when one fails. */
  private static List<UpstreamHeaders> openHeaders(Vertx vertx, List<McpServerConfig> servers) {
    List<UpstreamHeaders> opened = new ArrayList<>();
    try {
      for (int i = 0; i < servers.size(); i++) {
        opened.add(UpstreamHeaders.open(vertx, "mcpServers[" + i + "]", servers.get(i).headers()));
      }
      return opened;
    } catch (RuntimeException e) {
      opened.forEach(UpstreamHeaders::close);
      throw e;
    }
  }

  /** Adds the gateway's routes: every configured server, and the sessions API when there is one. */
  public void routes(Routes routes) {
    if (endpoints.isEmpty()) {
      return;
    }
    RequestBodyReader body = new RequestBodyReader(services.config().server());
    RequestTracing traced = new RequestTracing(services.tracing());
    endpoints.forEach(
        (name, endpoint) -> {
          String path = endpoint.path();
          routes
              .post(path, traced, body, endpoint::post)
              .get(path, traced, endpoint::get)
              .delete(path, traced, endpoint::delete);
        });
    routes
        .get(McpSessionsApi.PATH, sessionsApi::list)
        .delete(McpSessionsApi.PATH + "/:id", sessionsApi::delete);
  }

  @Override
  public void close() {
    upstreams.values().forEach(McpUpstream::close);
    sessions.close();
  }
}
