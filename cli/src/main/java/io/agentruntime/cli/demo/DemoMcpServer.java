package io.agentruntime.cli.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small MCP server for trying the gateway on one machine: Streamable HTTP at {@code /mcp}, JSON
 * answers, sessions, and three tools: {@code echo}, {@code add} and {@code delete_repo} (which only
 * says what it would delete). Not a template for real servers: it has no streaming, no resources
 * and no prompts.
 */
final class DemoMcpServer {

  private static final Set<String> VERSIONS = Set.of("2025-11-25", "2025-06-18", "2025-03-26");
  private static final String LATEST = "2025-11-25";

  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  static Future<HttpServer> start(Vertx vertx, String host, int port) {
    DemoMcpServer server = new DemoMcpServer();
    return vertx.createHttpServer().requestHandler(server::handle).listen(port, host);
  }

  private void handle(HttpServerRequest request) {
    if (!request.path().equals("/mcp")) {
      request.response().setStatusCode(404).end();
    } else if (request.method() == HttpMethod.POST) {
      request.body().onSuccess(body -> post(request, body.toString()));
    } else if (request.method() == HttpMethod.DELETE) {
      sessions.remove(request.getHeader("mcp-session-id"));
      request.response().setStatusCode(200).end();
    } else {
      request.response().setStatusCode(405).putHeader("allow", "POST, DELETE").end();
    }
  }

  private void post(HttpServerRequest request, String body) {
    JsonObject message;
    try {
      message = new JsonObject(body);
    } catch (DecodeException e) {
      answer(request, 400, error(null, -32700, "not JSON"));
      return;
    }
    String method = message.getString("method");
    Object id = message.getValue("id");
    if (method == null || id == null) {
      request.response().setStatusCode(202).end();
      return;
    }
    if ("initialize".equals(method)) {
      String session = UUID.randomUUID().toString();
      sessions.add(session);
      request.response().putHeader("mcp-session-id", session);
      answer(
          request, 200, result(id, initialized(message.getJsonObject("params", new JsonObject()))));
      return;
    }
    if (!sessions.contains(request.getHeader("mcp-session-id"))) {
      answer(request, 404, error(id, -32001, "session not found"));
      return;
    }
    answer(request, 200, call(id, method, message.getJsonObject("params", new JsonObject())));
  }

  private static JsonObject call(Object id, String method, JsonObject params) {
    return switch (method) {
      case "ping" -> result(id, new JsonObject());
      case "tools/list" -> result(id, new JsonObject().put("tools", DemoTools.list()));
      case "tools/call" ->
          DemoTools.call(
                  params.getString("name", ""), params.getJsonObject("arguments", new JsonObject()))
              .map(text -> result(id, text(text)))
              .orElseGet(() -> error(id, -32602, "unknown tool " + params.getString("name")));
      default -> error(id, -32601, "method not found: " + method);
    };
  }

  private static JsonObject initialized(JsonObject params) {
    String asked = params.getString("protocolVersion", LATEST);
    return new JsonObject()
        .put("protocolVersion", VERSIONS.contains(asked) ? asked : LATEST)
        .put("capabilities", new JsonObject().put("tools", new JsonObject()))
        .put(
            "serverInfo",
            new JsonObject().put("name", "agent-runtime-demo").put("version", "1.0.0"));
  }

  private static JsonObject text(String text) {
    return new JsonObject()
        .put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text", text)))
        .put("isError", false);
  }

  private static JsonObject result(Object id, JsonObject result) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result);
  }

  private static JsonObject error(Object id, int code, String message) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", id)
        .put("error", new JsonObject().put("code", code).put("message", message));
  }

  private static void answer(HttpServerRequest request, int status, JsonObject message) {
    request
        .response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(message.toBuffer());
  }
}
