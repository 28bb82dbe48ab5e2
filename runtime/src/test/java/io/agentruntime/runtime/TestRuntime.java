package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import io.agentruntime.runtime.testing.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real runtime on a random loopback port, configured from YAML written to a temporary directory
 * and governed by the real engine over a real policy directory, plus a plain JDK HTTP client.
 */
final class TestRuntime implements AutoCloseable {

  static final String ALLOW_ALL =
      """
      @id("allow-all")
      permit (principal, action, resource);
      """;

  static final String BLOCK_SUSPENDED =
      """
      @id("block-suspended-users")
      forbid (principal, action, resource)
      when { context has suspended && context.suspended == true };
      """;

  static final String ECHO_INTENTS =
      """
      intents:
        - name: call_reasoning
          backend: {type: echo}
        - name: export_customer_data
          backend: {type: echo}
      """;

  /** Principals from {@code context.user_id} when the principal header is absent. */
  /** The intents {@code call_reasoning} (echo) and {@code lookup_order} served by {@code tool}. */
  static String lookupOrderServedBy(LoopbackServer tool) {
    return """
        intents:
          - name: call_reasoning
            backend: {type: echo}
          - name: lookup_order
            timeout: 15s
            backend: {type: http, url: "%s"}
        """
        .formatted(tool.url("/tool"));
  }

  static final String LOCAL_MODE = "identity: {localMode: true}\n";

  /** Principals from the mesh's header only, as in a cluster. */
  static final String MESH_MODE = "identity: {localMode: false}\n";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final RuntimeServer server;
  private final Path policies;

  private TestRuntime(RuntimeServer server, Path policies) {
    this.server = server;
    this.policies = policies;
  }

  /** Local mode, fast policy refresh, the given intents and policy files ({@code name -> text}). */
  static TestRuntime start(Path dir, String intents, Map<String, String> policyFiles)
      throws Exception {
    return start(dir, baseConfig() + intents, policyFiles, Map.of());
  }

  static TestRuntime start(
      Path dir, String yaml, Map<String, String> policyFiles, Map<String, String> environment)
      throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    for (Map.Entry<String, String> file : policyFiles.entrySet()) {
      Files.writeString(policies.resolve(file.getKey()), file.getValue());
    }
    Path configFile = Files.writeString(dir.resolve("runtime.yaml"), yaml);
    return startFrom(configFile, environment);
  }

  /** Serves an existing configuration file, e.g. a shipped example. */
  static TestRuntime startFrom(Path configFile, Map<String, String> environment) throws Exception {
    return startFrom(configFile, environment, RuntimeServer.Role.SERVE);
  }

  /** Runs an existing configuration file in {@code role}. */
  static TestRuntime startFrom(
      Path configFile, Map<String, String> environment, RuntimeServer.Role role) throws Exception {
    RuntimeConfig config = new RuntimeConfigLoader(environment).load(configFile);
    RuntimeServer server =
        RuntimeServer.start(config, role)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    Path policies =
        config.governance().store() instanceof PolicyStoreConfig.File file
            ? file.directory()
            : null;
    return new TestRuntime(server, policies);
  }

  static String baseConfig() {
    return baseConfig(LOCAL_MODE);
  }

  /** A file-store runtime whose {@code identity} section is {@code identity}. */
  static String baseConfig(String identity) {
    return serverConfig(identity)
        + """
        governance:
          refreshInterval: 100ms
          store: {file: {directory: policies}}
        """;
  }

  /** Everything but {@code governance} and {@code intents}: local mode on a loopback port. */
  static String serverConfig() {
    return serverConfig(LOCAL_MODE);
  }

  /** Everything but {@code governance} and {@code intents}, with the given {@code identity}. */
  static String serverConfig(String identity) {
    return """
        runtime: {name: test, namespace: agents}
        server:
          host: 127.0.0.1
          port: 0
          eventLoops: 2
          requestTimeout: 1s
          shutdownGracePeriod: 10s
          management: {port: 0}
        """
        + identity;
  }

  RuntimeServer server() {
    return server;
  }

  int port() {
    return server.port();
  }

  /** Waits until the runtime decides {@code call_reasoning} with {@code policy}. */
  void awaitPolicy(String policy) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> post("/v1/decisions", RateLimitTest.reasoning("probe")).body().contains(policy));
  }

  /** Writes a policy file; only for a runtime on the file store. */
  void writePolicy(String file, String cedar) throws IOException {
    Files.writeString(policies.resolve(file), cedar);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(uri(path));
  }

  /** A GET on the management listener: {@code /healthz}, {@code /readyz}, {@code /metrics}. */
  HttpResponse<String> management(String path) throws IOException, InterruptedException {
    return get(managementUri(path));
  }

  URI managementUri(String path) {
    return URI.create("http://127.0.0.1:" + server.managementPort() + path);
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET on the API with the given headers ({@code name, value, ...}). */
  HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return CLIENT.send(
        withHeaders(HttpRequest.newBuilder(uri(path)).GET(), headers).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A DELETE on the API with the given headers ({@code name, value, ...}). */
  HttpResponse<String> delete(String path, String... headers)
      throws IOException, InterruptedException {
    return CLIENT.send(
        withHeaders(HttpRequest.newBuilder(uri(path)).DELETE(), headers).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
    request.timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return request;
  }

  HttpResponse<String> post(String path, String json, String... headers)
      throws IOException, InterruptedException {
    return send(path, HttpRequest.BodyPublishers.ofString(json), headers);
  }

  HttpResponse<String> send(String path, HttpRequest.BodyPublisher body, String... headers)
      throws IOException, InterruptedException {
    return CLIENT.send(request(path, body, headers), HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> postAsync(String path, String json, String... headers) {
    return CLIENT.sendAsync(
        request(path, HttpRequest.BodyPublishers.ofString(json), headers),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@link #postAsync} for a burst that may queue: the answer may take up to {@code timeout}. */
  CompletableFuture<HttpResponse<String>> postAsyncWithin(
      Duration timeout, String path, String json, String... headers) {
    return CLIENT.sendAsync(
        request(path, HttpRequest.BodyPublishers.ofString(json), timeout, headers),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, HttpRequest.BodyPublisher body, String... headers) {
    return request(path, body, Duration.ofSeconds(10), headers);
  }

  private HttpRequest request(
      String path, HttpRequest.BodyPublisher body, Duration timeout, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(timeout)
            .header("content-type", "application/json")
            .POST(body);
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return request.build();
  }

  /**
   * Fails unless a plain dispatch of {@code call_reasoning} by a header principal still gets 200:
   * what abuse tests check once the abuse is over.
   */
  void assertStillServes() throws IOException, InterruptedException {
    HttpResponse<String> response =
        post("/dispatch", "{\"intent\": \"call_reasoning\"}", "x-agent-principal", "still-here");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Override
  public void close() throws Exception {
    server.shutdown().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
