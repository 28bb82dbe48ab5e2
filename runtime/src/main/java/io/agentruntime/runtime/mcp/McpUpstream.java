package io.agentruntime.runtime.mcp;

import io.agentruntime.contract.config.McpServerConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream MCP server, reached over the Streamable HTTP transport through a connection pool of
 * its own. The gateway sends only what the transport needs: the message, the upstream's own session
 * id, the client's protocol version and resumption point, and the configured headers; never the
 * caller's credentials or identity headers.
 */
final class McpUpstream implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(McpUpstream.class);

  static final String SESSION_HEADER = "mcp-session-id";
  static final String PROTOCOL_VERSION_HEADER = "mcp-protocol-version";
  static final String LAST_EVENT_ID_HEADER = "last-event-id";

  private static final int MAX_CONNECTIONS = 256;
  private static final Pattern PROTOCOL_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,256}");

  /**
   * An exchange under way: the request (to reset it) and the upstream's answer, paused until read.
   */
  record Exchange(HttpClientRequest request, HttpClientResponse response) {}

  /**
   * What to send upstream.
   *
   * @param method POST (a message), GET (the server's stream) or DELETE (end the session)
   * @param sessionId the upstream's session id, if there is one
   * @param clientHeaders the client's headers, of which only the transport's are passed on
   * @param body the message, for POST
   * @param requestId the runtime's request id, passed on as {@code x-request-id}
   * @param traceHeaders the W3C headers of the call's span; empty when tracing is off
   */
  record Outgoing(
      HttpMethod method,
      Optional<String> sessionId,
      MultiMap clientHeaders,
      Buffer body,
      String requestId,
      Map<String, String> traceHeaders) {}

  private final McpServerConfig config;
  private final UpstreamHeaders headers;
  private final HttpClientAgent client;

  private McpUpstream(McpServerConfig config, UpstreamHeaders headers, HttpClientAgent client) {
    this.config = config;
    this.headers = headers;
    this.client = client;
  }

  /** The upstream {@code config} with {@code headers}, read from its {@code headers}. */
  static McpUpstream create(Vertx vertx, McpServerConfig config, UpstreamHeaders headers) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) Math.min(config.timeout().toMillis(), Integer.MAX_VALUE));
    // Vert.x allows 5 connections per host by default; server streams each hold one for long.
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS);
    return new McpUpstream(config, headers, vertx.createHttpClient(options, pool));
  }

  McpServerConfig config() {
    return config;
  }

  /**
   * Sends {@code outgoing} and hands back the answer's head, its body paused.
   *
   * @throws McpException for a client header the transport forbids
   * @return fails with {@link McpException} ({@link JsonRpcError#UPSTREAM_UNAVAILABLE}) when the
   *     upstream cannot be reached or drops the connection before answering
   */
  Future<Exchange> send(Outgoing outgoing) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(outgoing.method())
            .setAbsoluteURI(config.url().toString())
            .setConnectTimeout(config.timeout().toMillis())
            .putHeader("x-request-id", outgoing.requestId());
    headers.current().forEach(request::putHeader);
    if (outgoing.method() == HttpMethod.POST) {
      request
          .putHeader("content-type", "application/json")
          .putHeader("accept", "application/json, text/event-stream");
    } else if (outgoing.method() == HttpMethod.GET) {
      request.putHeader("accept", "text/event-stream");
    }
    outgoing.sessionId().ifPresent(id -> request.putHeader(SESSION_HEADER, id));
    passOn(outgoing.clientHeaders(), PROTOCOL_VERSION_HEADER, PROTOCOL_VERSION, request);
    passOn(outgoing.clientHeaders(), LAST_EVENT_ID_HEADER, EVENT_ID, request);
    outgoing.traceHeaders().forEach(request::putHeader);
    Future<HttpClientRequest> connected;
    try {
      connected = client.request(request);
    } catch (IllegalStateException closed) {
      return Future.failedFuture(unreachable(closed));
    }
    return connected
        .compose(
            sent ->
                (outgoing.body() == null ? sent.send() : sent.send(outgoing.body()))
                    .map(
                        response -> {
                          response.pause();
                          return new Exchange(sent, response);
                        }))
        .recover(failure -> Future.failedFuture(unreachable(failure)));
  }

  /** The caller learns which server failed; only the log learns its address and the cause. */
  private McpException unreachable(Throwable failure) {
    if (failure instanceof McpException known) {
      return known;
    }
    LOG.debug("MCP server '{}' at {} did not answer", config.name(), config.url(), failure);
    return new McpException(
        JsonRpcError.UPSTREAM_UNAVAILABLE, "MCP server '" + config.name() + "' did not answer");
  }

  /** Passes a transport header on when the client sent one of the expected form. */
  private static void passOn(MultiMap headers, String name, Pattern form, RequestOptions request) {
    String value = headers.get(name);
    if (value == null) {
      return;
    }
    if (headers.getAll(name).size() > 1 || !form.matcher(value).matches()) {
      throw new McpException(
          JsonRpcError.INVALID_REQUEST, "header " + name + " must be sent once, as " + form);
    }
    request.putHeader(name, value);
  }

  @Override
  public void close() {
    headers.close();
    client.close();
  }
}
