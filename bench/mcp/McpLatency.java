import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Latency of one MCP tool call, direct to an MCP server and through the runtime's gateway, measured
 * in the same run: calls alternate between the two, one at a time, so both see the same machine.
 *
 * <p>java McpLatency.java DIRECT_URL GATEWAY_URL [CALLS] [WARMUP]
 */
public class McpLatency {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    URI direct = URI.create(args[0]);
    URI gateway = URI.create(args[1]);
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
    String directSession = open(direct);
    String gatewaySession = open(gateway);
    for (int i = 0; i < warmup; i++) {
      call(direct, directSession, i);
      call(gateway, gatewaySession, i);
    }
    long[] directNanos = new long[calls];
    long[] gatewayNanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      directNanos[i] = call(direct, directSession, i);
      gatewayNanos[i] = call(gateway, gatewaySession, i);
    }
    Arrays.sort(directNanos);
    Arrays.sort(gatewayNanos);
    System.out.printf("calls %d each (after %d warm-up), one at a time, alternating%n", calls, warmup);
    System.out.printf("%-8s %9s %9s %9s %9s%n", "", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms");
    row("direct", directNanos);
    row("gateway", gatewayNanos);
    System.out.printf(
        "%-8s %9.3f %9.3f %9.3f %9.3f%n",
        "added",
        ms(pct(gatewayNanos, 50) - pct(directNanos, 50)),
        ms(pct(gatewayNanos, 90) - pct(directNanos, 90)),
        ms(pct(gatewayNanos, 99) - pct(directNanos, 99)),
        ms(pct(gatewayNanos, 99.9) - pct(directNanos, 99.9)));
  }

  private static void row(String name, long[] sorted) {
    System.out.printf(
        "%-8s %9.3f %9.3f %9.3f %9.3f%n",
        name,
        ms(pct(sorted, 50)),
        ms(pct(sorted, 90)),
        ms(pct(sorted, 99)),
        ms(pct(sorted, 99.9)));
  }

  private static long pct(long[] sorted, double percentile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String open(URI endpoint) throws Exception {
    HttpResponse<String> opened =
        send(
            endpoint,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
    if (opened.statusCode() != 200) {
      throw new IllegalStateException(endpoint + " answered " + opened.statusCode() + ": " + opened.body());
    }
    return opened.headers().firstValue("mcp-session-id").orElseThrow();
  }

  private static long call(URI endpoint, String session, int id) throws Exception {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + (id + 1)
            + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"call "
            + id
            + "\"}}}";
    long start = System.nanoTime();
    HttpResponse<String> answer = send(endpoint, session, body);
    long nanos = System.nanoTime() - start;
    if (answer.statusCode() != 200 || !answer.body().contains("\"result\"")) {
      throw new IllegalStateException(endpoint + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return nanos;
  }

  private static HttpResponse<String> send(URI endpoint, String session, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .header("accept", "application/json, text/event-stream")
            .header("x-agent-principal", "bench")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("mcp-session-id", session);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
