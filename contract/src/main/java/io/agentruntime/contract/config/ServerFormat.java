package io.agentruntime.contract.config;

/** Reads and writes {@code server}: the API listener and {@code server.management}. */
final class ServerFormat {

  private static final String HOST = "host";
  private static final String PORT = "port";
  private static final String MANAGEMENT = "management";
  private static final String EVENT_LOOPS = "eventLoops";
  private static final String MAX_BODY_SIZE = "maxBodySize";
  private static final String REQUEST_TIMEOUT = "requestTimeout";
  private static final String IDLE_TIMEOUT = "idleTimeout";
  private static final String SHUTDOWN_GRACE_PERIOD = "shutdownGracePeriod";
  private static final String HTTP2_CLEAR_TEXT = "http2ClearText";
  private static final String MAX_CONNECTIONS = "maxConnections";
  private static final String HEADER_TIMEOUT = "headerTimeout";

  private ServerFormat() {}

  static ServerConfig read(ConfigNode node) throws ConfigException {
    String host = node.string(HOST, ServerConfig.DEFAULT_HOST);
    int port = node.integer(PORT, ServerConfig.DEFAULT_PORT, 0, 65535);
    ServerConfig server =
        new ServerConfig(
            host,
            port,
            management(node.object(MANAGEMENT), host, port),
            node.integer(EVENT_LOOPS, ServerConfig.DEFAULT_EVENT_LOOPS, 0, 1024),
            node.size(MAX_BODY_SIZE, ServerConfig.DEFAULT_MAX_BODY_SIZE),
            node.duration(REQUEST_TIMEOUT, ServerConfig.DEFAULT_REQUEST_TIMEOUT),
            node.duration(IDLE_TIMEOUT, ServerConfig.DEFAULT_IDLE_TIMEOUT),
            node.duration(SHUTDOWN_GRACE_PERIOD, ServerConfig.DEFAULT_SHUTDOWN_GRACE_PERIOD),
            node.bool(HTTP2_CLEAR_TEXT, false),
            node.integer(MAX_CONNECTIONS, ServerConfig.DEFAULT_MAX_CONNECTIONS, 1, 1_000_000),
            node.duration(HEADER_TIMEOUT, ServerConfig.DEFAULT_HEADER_TIMEOUT));
    node.rejectUnknownKeys();
    return server;
  }

  private static ManagementConfig management(ConfigNode node, String apiHost, int apiPort)
      throws ConfigException {
    ManagementConfig management =
        new ManagementConfig(
            node.string(HOST, apiHost),
            node.integer(PORT, ManagementConfig.DEFAULT_PORT, 0, 65535));
    if (management.port() != 0 && management.port() == apiPort) {
      throw node.error(PORT, "must differ from server.port (" + apiPort + ")");
    }
    node.rejectUnknownKeys();
    return management;
  }

  /**
   * The ports and the drain period are written even at their defaults: the Service, the probes and
   * the pod's termination grace period rendered beside the file are computed from them.
   */
  static MappingWriter write(ServerConfig server) {
    MappingWriter management =
        new MappingWriter()
            .putUnlessDefault(HOST, server.management().host(), server.host())
            .put(PORT, server.management().port());
    return new MappingWriter()
        .putUnlessDefault(HOST, server.host(), ServerConfig.DEFAULT_HOST)
        .put(PORT, server.port())
        .put(MANAGEMENT, management)
        .putUnlessDefault(EVENT_LOOPS, server.eventLoops(), ServerConfig.DEFAULT_EVENT_LOOPS)
        .putSizeUnlessDefault(
            MAX_BODY_SIZE, server.maxBodySize(), ServerConfig.DEFAULT_MAX_BODY_SIZE)
        .putUnlessDefault(
            REQUEST_TIMEOUT, server.requestTimeout(), ServerConfig.DEFAULT_REQUEST_TIMEOUT)
        .putUnlessDefault(IDLE_TIMEOUT, server.idleTimeout(), ServerConfig.DEFAULT_IDLE_TIMEOUT)
        .put(SHUTDOWN_GRACE_PERIOD, server.shutdownGracePeriod())
        .putUnlessDefault(HTTP2_CLEAR_TEXT, server.http2ClearText(), false)
        .putUnlessDefault(
            MAX_CONNECTIONS, server.maxConnections(), ServerConfig.DEFAULT_MAX_CONNECTIONS)
        .putUnlessDefault(
            HEADER_TIMEOUT, server.headerTimeout(), ServerConfig.DEFAULT_HEADER_TIMEOUT);
  }
}
