package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.Future;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {

  private static final String BODY =
      "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\"}}";

  @TempDir Path dir;

  @Test
  void notReadyUntilAPolicySetLoads() throws Exception {
    try (TestRuntime runtime =
        TestRuntime.start(
            dir, TestRuntime.ECHO_INTENTS, Map.of("broken.cedar", "permit (principal, action"))) {
      HttpResponse<String> ready = runtime.management("/readyz");
      HttpResponse<String> dispatch = runtime.post("/dispatch", BODY);

      assertThat(ready.statusCode()).isEqualTo(503);
      ProblemAssert.isProblem(ready, "not-ready");
      assertThat(dispatch.statusCode()).isEqualTo(503);
      ProblemAssert.isProblem(dispatch, "not-ready");
      assertThat(dispatch.headers().firstValue("retry-after")).isPresent();
      assertThat(runtime.management("/healthz").statusCode()).isEqualTo(200);

      runtime.writePolicy("broken.cedar", TestRuntime.ALLOW_ALL);

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(runtime.management("/readyz").statusCode()).isEqualTo(200));
      assertThat(runtime.post("/dispatch", BODY).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shutdownFinishesTheInFlightRequestAndRefusesNewOnes() throws Exception {
    Responders.Gate gate = new Responders.Gate();
    try (LoopbackServer backend = LoopbackServer.start(gate.holding(Responders.numbering()))) {
      TestRuntime runtime =
          TestRuntime.start(
              dir,
              TestRuntime.lookupOrderServedBy(backend),
              Map.of("allow.cedar", TestRuntime.ALLOW_ALL));
      CompletableFuture<HttpResponse<String>> inFlight =
          runtime.postAsync(
              "/dispatch", "{\"intent\": \"lookup_order\", \"context\": {\"user_id\": \"ann\"}}");
      await().atMost(Duration.ofSeconds(30)).until(() -> backend.receivedCount() == 1);

      Future<Void> shutdown = runtime.server().shutdown();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThatThrownBy(() -> runtime.get("/v1/intents"))
                      .isInstanceOf(ConnectException.class));
      assertThat(shutdown.isComplete()).isFalse();
      // The probes stay answerable while the API drains: the pod reports not ready meanwhile.
      ProblemAssert.isProblem(runtime.management("/readyz"), "not-ready");
      gate.release();

      HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      shutdown.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aPortInUseFailsTheStartInsteadOfHanging() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String yaml =
          TestRuntime.baseConfig().replaceFirst("port: 0", "port: " + taken.getLocalPort())
              + TestRuntime.ECHO_INTENTS;

      assertThatThrownBy(
              () ->
                  TestRuntime.start(
                      dir, yaml, Map.of("allow.cedar", TestRuntime.ALLOW_ALL), Map.of()))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("Address already in use");
    }
  }
}
