package io.agentruntime.operator.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorHttpServerTest {

  private final AtomicReference<OperatorHealth> health =
      new AtomicReference<>(new OperatorHealth(false, Set.of()));
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private OperatorHttpServer server;

  @BeforeEach
  void start() {
    server =
        OperatorHttpServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), health::get, registry);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aStartingOperatorIsAliveButNotReady() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    var ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("starting");
  }

  @Test
  void aStartedOperatorWithHealthyInformersIsReady() throws Exception {
    health.set(new OperatorHealth(true, Set.of()));

    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void failedInformersFailBothProbesAndAreNamed() throws Exception {
    health.set(new OperatorHealth(true, Set.of("agentruntime/runtime-deployment")));

    var live = get("/healthz");
    assertThat(live.statusCode()).isEqualTo(503);
    assertThat(live.body()).contains("agentruntime/runtime-deployment");
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void servesTheRegistryInPrometheusTextFormat() throws Exception {
    registry
        .counter("operator.sdk.reconciliations.started", "controller", "agentruntime")
        .increment();

    var metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("operator_sdk_reconciliations_started_total{controller=\"agentruntime\"} 1.0");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
