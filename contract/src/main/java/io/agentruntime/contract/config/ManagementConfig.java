package io.agentruntime.contract.config;

/**
 * The management listener (configuration {@code server.management}): {@code /healthz}, {@code
 * /readyz} and {@code /metrics}, apart from the API so that probes and scrapes stay answerable
 * while the API port is flooded or at its connection limit.
 *
 * @param host address to bind; {@code server.host} unless given
 * @param port port to bind; 0 picks a free port
 */
public record ManagementConfig(String host, int port) {

  public static final int DEFAULT_PORT = 8081;

  /**
   * Connections the management listener keeps open at most: kubelet probes and a few scrapers need
   * a handful.
   */
  public static final int MAX_CONNECTIONS = 64;
}
