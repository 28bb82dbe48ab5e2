package io.agentruntime.runtime.mcp;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonObject;

/**
 * Reads an upstream's answer to one request whole instead of relaying it: what an idempotent tool
 * call records and replays. Notifications streamed before the answer (progress, logs) are dropped:
 * a replay could not send them again anyway.
 */
final class UpstreamAnswer {

  private final McpUpstream.Exchange exchange;
  private final String server;
  private final Object id;
  private final Promise<JsonObject> answer = Promise.promise();

  private UpstreamAnswer(McpUpstream.Exchange exchange, String server, Object id) {
    this.exchange = exchange;
    this.server = server;
    this.id = id;
  }

  /**
   * The message answering request {@code id}.
   *
   * @return fails with {@link McpException} when the upstream answers with an HTTP error, ends
   *     without answering, or takes longer than {@code timeoutMillis}
   */
  static Future<JsonObject> read(
      Vertx vertx, McpUpstream.Exchange exchange, String server, Object id, long timeoutMillis) {
    UpstreamAnswer reader = new UpstreamAnswer(exchange, server, id);
    long timer =
        vertx.setTimer(
            timeoutMillis,
            expired ->
                reader.fail(
                    new McpException(
                        JsonRpcError.UPSTREAM_TIMEOUT,
                        "MCP server '"
                            + server
                            + "' did not answer within "
                            + timeoutMillis
                            + " ms")));
    reader.start();
    return reader.answer.future().andThen(done -> vertx.cancelTimer(timer));
  }

  private void start() {
    HttpClientResponse response = exchange.response();
    if (response.statusCode() / 100 != 2) {
      fail(
          new McpException(
              JsonRpcError.UPSTREAM_FAILED,
              "MCP server '" + server + "' answered HTTP " + response.statusCode()));
      return;
    }
    response.exceptionHandler(failure -> fail(brokeOff()));
    if (UpstreamMessages.isEventStream(response)) {
      SseEvents events = new SseEvents(UpstreamRelay.MAX_MESSAGE_BYTES);
      response.handler(
          chunk -> {
            try {
              events.feed(chunk).forEach(event -> offer(UpstreamMessages.parse(event.data())));
            } catch (McpException e) {
              fail(e);
            }
          });
      response.endHandler(ended -> fail(brokeOff()));
    } else {
      Buffer body = Buffer.buffer();
      response.handler(
          chunk -> {
            if (body.length() + (long) chunk.length() > UpstreamRelay.MAX_MESSAGE_BYTES) {
              fail(new McpException(JsonRpcError.UPSTREAM_FAILED, "the answer is too large"));
            } else {
              body.appendBuffer(chunk);
            }
          });
      response.endHandler(
          ended -> {
            offer(UpstreamMessages.parse(body.toString()));
            fail(brokeOff());
          });
    }
    response.resume();
  }

  private void offer(JsonObject message) {
    if (message != null && UpstreamMessages.answers(message, id)) {
      answer.tryComplete(message);
    }
  }

  /** Fails the read unless it already ended; a failed read stops the upstream's answer. */
  private void fail(McpException failure) {
    if (answer.tryFail(failure)) {
      exchange.request().reset();
    }
  }

  private McpException brokeOff() {
    return new McpException(
        JsonRpcError.UPSTREAM_FAILED,
        "MCP server '" + server + "' ended its answer before answering the request");
  }
}
