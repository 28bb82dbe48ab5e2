package io.agentruntime.contract.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;

/**
 * The HTTP listeners (configuration {@code server}): the API, and the management listener.
 *
 * @param host address to bind
 * @param port port to bind; 0 picks a free port
 * @param management the listener of the probes and metrics
 * @param eventLoops event loops (one server instance each); 0 means one per available core
 * @param maxBodySize largest accepted request body in bytes (larger bodies get 413)
 * @param requestTimeout how long a client may take to send its whole body (then 408)
 * @param idleTimeout idle keep-alive connections are closed after this
 * @param shutdownGracePeriod how long in-flight requests may run on after SIGTERM
 * @param http2ClearText whether HTTP/2 without TLS (prior knowledge and the h2c upgrade) is
 *     accepted besides HTTP/1.1
 * @param maxConnections connections the API listener keeps open at most; one more is closed at once
 * @param headerTimeout how long a connection may take to send a complete request head, from its
 *     first byte (or from the connection's opening); a slower one is closed
 */
public record ServerConfig(
    String host,
    int port,
    ManagementConfig management,
    int eventLoops,
    long maxBodySize,
    Duration requestTimeout,
    Duration idleTimeout,
    Duration shutdownGracePeriod,
    boolean http2ClearText,
    int maxConnections,
    Duration headerTimeout) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_EVENT_LOOPS = 0;
  public static final long DEFAULT_MAX_BODY_SIZE = 1L << 20;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(20);
  public static final int DEFAULT_MAX_CONNECTIONS = 4096;
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Listeners on every address with every key at its default but the ports and the drain period:
   * the keys a Deployment ties to its container ports, probes and termination grace period.
   */
  public static ServerConfig listening(int port, int managementPort, Duration shutdownGracePeriod) {
    return new ServerConfig(
        DEFAULT_HOST,
        port,
        new ManagementConfig(DEFAULT_HOST, managementPort),
        DEFAULT_EVENT_LOOPS,
        DEFAULT_MAX_BODY_SIZE,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_IDLE_TIMEOUT,
        shutdownGracePeriod,
        false,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_HEADER_TIMEOUT);
  }

  /**
   * Whether {@link #host} only accepts connections from this machine: every address it names is a
   * loopback address ({@code 0.0.0.0} and unresolvable names are not).
   */
  public boolean bindsLoopbackOnly() {
    try {
      return Arrays.stream(InetAddress.getAllByName(host)).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The configured event loop count, or the number of available cores when it is 0. */
  public int effectiveEventLoops() {
    return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
  }
}
