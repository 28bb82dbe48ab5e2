package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {

  private static final String ORDER =
      "{\"intent\": \"lookup_order\", \"context\": {\"user_id\": \"ann\"}, \"input\": {\"order\": 1}}";

  @TempDir Path dir;

  @Test
  void aRepeatedKeyReplaysTheFirstAnswerWithoutCallingTheBackendAgain() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime runtime = start(backend)) {
      HttpResponse<String> first = runtime.post("/dispatch", ORDER, "idempotency-key", "k-1");
      HttpResponse<String> second = runtime.post("/dispatch", ORDER, "idempotency-key", "k-1");

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("idempotent-replayed")).isEmpty();
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(backend.receivedCount()).isEqualTo(1);
    }
  }

  @Test
  void keysAreScopedPerPrincipal() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime runtime = start(backend)) {
      runtime.post("/dispatch", ORDER, "idempotency-key", "shared");
      HttpResponse<String> other =
          runtime.post("/dispatch", ORDER.replace("ann", "bob"), "idempotency-key", "shared");

      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(other.headers().firstValue("idempotent-replayed")).isEmpty();
      assertThat(backend.receivedCount()).isEqualTo(2);
    }
  }

  @Test
  void aConcurrentDuplicateWaitsForTheFirstInsteadOfDispatchingAgain() throws Exception {
    Responders.Gate gate = new Responders.Gate();
    try (LoopbackServer backend = LoopbackServer.start(gate.holding(Responders.numbering()));
        TestRuntime runtime = start(backend)) {
      CompletableFuture<HttpResponse<String>> first =
          runtime.postAsync("/dispatch", ORDER, "idempotency-key", "k-2");
      await().atMost(Duration.ofSeconds(30)).until(() -> backend.receivedCount() == 1);
      CompletableFuture<HttpResponse<String>> duplicate =
          runtime.postAsync("/dispatch", ORDER, "idempotency-key", "k-2");

      // Had the duplicate been dispatched, it would reach the backend within this window.
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> backend.receivedCount() == 1);
      gate.release();

      HttpResponse<String> firstResponse = first.get(10, TimeUnit.SECONDS);
      HttpResponse<String> duplicateResponse = duplicate.get(10, TimeUnit.SECONDS);
      assertThat(firstResponse.statusCode()).isEqualTo(200);
      assertThat(duplicateResponse.statusCode()).isEqualTo(200);
      assertThat(duplicateResponse.body()).isEqualTo(firstResponse.body());
      assertThat(duplicateResponse.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(backend.receivedCount()).isEqualTo(1);
    }
  }

  @Test
  void theSameKeyWithAnotherBodyIsRejected() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime runtime = start(backend)) {
      runtime.post("/dispatch", ORDER, "idempotency-key", "k-3");

      HttpResponse<String> reused =
          runtime.post(
              "/dispatch", ORDER.replace("\"order\": 1", "\"order\": 2"), "idempotency-key", "k-3");

      assertThat(reused.statusCode()).isEqualTo(422);
      ProblemAssert.isProblem(reused, "idempotency-key-reused");
      assertThat(backend.receivedCount()).isEqualTo(1);
    }
  }

  private TestRuntime start(LoopbackServer backend) throws Exception {
    return TestRuntime.start(
        dir,
        TestRuntime.lookupOrderServedBy(backend),
        Map.of("allow.cedar", TestRuntime.ALLOW_ALL));
  }
}
