package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
    try (StubBackend backend = StubBackend.answering();
        TestRuntime runtime = start(backend)) {
      HttpResponse<String> first = runtime.post("/dispatch", ORDER, "idempotency-key", "k-1");
      HttpResponse<String> second = runtime.post("/dispatch", ORDER, "idempotency-key", "k-1");

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("idempotent-replayed")).isEmpty();
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(backend.calls()).isEqualTo(1);
    }
  }

  @Test
  void keysAreScopedPerPrincipal() throws Exception {
    try (StubBackend backend = StubBackend.answering();
        TestRuntime runtime = start(backend)) {
      runtime.post("/dispatch", ORDER, "idempotency-key", "shared");
      HttpResponse<String> other =
          runtime.post("/dispatch", ORDER.replace("ann", "bob"), "idempotency-key", "shared");

      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(other.headers().firstValue("idempotent-replayed")).isEmpty();
      assertThat(backend.calls()).isEqualTo(2);
    }
  }

  @Test
  void aConcurrentDuplicateWaitsForTheFirstInsteadOfDispatchingAgain() throws Exception {
    try (StubBackend backend = StubBackend.holding();
        TestRuntime runtime = start(backend)) {
      CompletableFuture<HttpResponse<String>> first =
          runtime.postAsync("/dispatch", ORDER, "idempotency-key", "k-2");
      await().atMost(Duration.ofSeconds(30)).until(() -> backend.calls() == 1);
      CompletableFuture<HttpResponse<String>> duplicate =
          runtime.postAsync("/dispatch", ORDER, "idempotency-key", "k-2");

      // Had the duplicate been dispatched, it would reach the backend within this window.
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> backend.calls() == 1);
      backend.release();

      HttpResponse<String> firstResponse = first.get(10, TimeUnit.SECONDS);
      HttpResponse<String> duplicateResponse = duplicate.get(10, TimeUnit.SECONDS);
      assertThat(firstResponse.statusCode()).isEqualTo(200);
      assertThat(duplicateResponse.statusCode()).isEqualTo(200);
      assertThat(duplicateResponse.body()).isEqualTo(firstResponse.body());
      assertThat(duplicateResponse.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(backend.calls()).isEqualTo(1);
    }
  }

  @Test
  void theSameKeyWithAnotherBodyIsRejected() throws Exception {
    try (StubBackend backend = StubBackend.answering();
        TestRuntime runtime = start(backend)) {
      runtime.post("/dispatch", ORDER, "idempotency-key", "k-3");

      HttpResponse<String> reused =
          runtime.post(
              "/dispatch", ORDER.replace("\"order\": 1", "\"order\": 2"), "idempotency-key", "k-3");

      assertThat(reused.statusCode()).isEqualTo(422);
      ProblemAssert.isProblem(reused, "idempotency-key-reused");
      assertThat(backend.calls()).isEqualTo(1);
    }
  }

  private TestRuntime start(StubBackend backend) throws Exception {
    return TestRuntime.start(dir, backend.intents(), Map.of("allow.cedar", TestRuntime.ALLOW_ALL));
  }
}
