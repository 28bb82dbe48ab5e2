package io.agentruntime.runtime.mcp;

import io.agentruntime.contract.config.McpServerConfig;
import io.agentruntime.runtime.coordination.CoordinationTable;
import io.agentruntime.runtime.http.RequestBodyReader;
import io.agentruntime.runtime.http.RequestTracing;
import io.agentruntime.runtime.http.RuntimeServices;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.LinkedHashMap;
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
   * @param table the governance table when the policy store is DynamoDB: sessions live there, so
   *     any pod serves any session; otherwise in this pod's memory
   */
  public McpGateway(Vertx vertx, RuntimeServices services, Optional<CoordinationTable> table) {
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
    for (McpServerConfig server : services.config().mcpServers()) {
      McpUpstream upstream = McpUpstream.create(vertx, server);
      upstreams.put(server.name(), upstream);
      endpoints.put(server.name(), new McpEndpoint(upstream, gateway));
    }
    this.sessionsApi = new McpSessionsApi(gateway, endpoints::get);
  }

  /** Adds the gateway's routes: every configured server, and the sessions API when there is one. */
  public void routes(Router router) {
    if (endpoints.isEmpty()) {
      return;
    }
    RequestBodyReader body = new RequestBodyReader(services.config().server());
    RequestTracing traced = new RequestTracing(services.tracing());
    endpoints.forEach(
        (name, endpoint) -> {
          String path = endpoint.path();
          router.post(path).handler(traced).handler(body).handler(endpoint::post);
          router.get(path).handler(traced).handler(endpoint::get);
          router.delete(path).handler(traced).handler(endpoint::delete);
        });
    router.get(McpSessionsApi.PATH).handler(sessionsApi::list);
    router.delete(McpSessionsApi.PATH + "/:id").handler(sessionsApi::delete);
  }

  @Override
  public void close() {
    upstreams.values().forEach(McpUpstream::close);
    sessions.close();
  }
}
