package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Streamable HTTP transport spoken by hand, for what an SDK client hides: headers, statuses,
 * event streams read line by line as they arrive, and malformed messages.
 */
final class McpWire {

  static final String PRINCIPAL = "x-agent-principal";
  static final String GROUPS = "x-agent-groups";
  static final String SESSION = "mcp-session-id";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI endpoint;

  McpWire(URI endpoint) {
    this.endpoint = endpoint;
  }

  static String initialize(int id) {
    return """
        {"jsonrpc": "2.0", "id": %d, "method": "initialize", "params": {
          "protocolVersion": "2025-06-18", "capabilities": {},
          "clientInfo": {"name": "wire-test", "version": "1.0"}}}
        """
        .formatted(id);
  }

  static String call(int id, String tool, String arguments) {
    return """
        {"jsonrpc": "2.0", "id": %d, "method": "tools/call",
         "params": {"name": "%s", "arguments": %s}}
        """
        .formatted(id, tool, arguments);
  }

  /** Opens a session as {@code principal}; answers its id. */
  String open(String principal) throws IOException, InterruptedException {
    HttpResponse<String> opened = post(initialize(1), PRINCIPAL, principal);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    String session = opened.headers().firstValue(SESSION).orElseThrow();
    HttpResponse<String> initialized =
        post(
            "{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}",
            PRINCIPAL,
            principal,
            SESSION,
            session);
    assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(202);
    return session;
  }

  /** Posts {@code body} in {@code session} as {@code principal}, with {@code headers} besides. */
  HttpResponse<String> postIn(String session, String principal, String body, String... headers)
      throws IOException, InterruptedException {
    String[] all = new String[headers.length + 4];
    all[0] = PRINCIPAL;
    all[1] = principal;
    all[2] = SESSION;
    all[3] = session;
    System.arraycopy(headers, 0, all, 4, headers.length);
    return post(body, all);
  }

  HttpResponse<String> post(String body, String... headers)
      throws IOException, InterruptedException {
    return CLIENT.send(request(body, headers), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code body} and feeds the answer's lines to the queue as they arrive. */
  BlockingQueue<String> stream(String body, String... headers) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    CLIENT
        .sendAsync(request(body, headers), HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            response -> {
              lines.add("status: " + response.statusCode());
              response.body().forEach(lines::add);
              lines.add("<end>");
            });
    return lines;
  }

  /** The JSON-RPC message of an answer: the body, or the data of its event stream's last event. */
  static JsonObject message(HttpResponse<String> response) {
    String body = response.body();
    if (!response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
      return new JsonObject(body);
    }
    List<String> data = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (line.startsWith("data:")) {
        data.add(line.substring(5).trim());
      }
    }
    return new JsonObject(data.getLast());
  }

  private HttpRequest request(String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .header("accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request.build();
  }
}
