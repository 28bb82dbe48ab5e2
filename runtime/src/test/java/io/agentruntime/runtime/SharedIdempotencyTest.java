package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.governance.RateLimit;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code idempotency.store: dynamodb}: two runtimes sharing one table (a real dynalite) dispatch a
 * repeated {@code Idempotency-Key} once, whichever runtime each copy reaches.
 */
class SharedIdempotencyTest {

  private static final String HOME = "eu-west-1";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ORDER =
      "{\"intent\": \"lookup_order\", \"context\": {\"user_id\": \"ann\"}, \"input\": {\"order\": 1}}";

  @TempDir Path dir;

  @Test
  void aKeyRepeatedToAnotherRuntimeIsDispatchedOnceAndReplayed() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime a = start(region, backend, "a");
        TestRuntime b = start(region, backend, "b")) {
      region.permit("allow-orders", "lookup_order");
      awaitAllowed(a, b);

      HttpResponse<String> first = a.post("/dispatch", ORDER, "idempotency-key", "k-1");
      HttpResponse<String> repeat = b.post("/dispatch", ORDER, "idempotency-key", "k-1");

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("idempotent-replayed")).isEmpty();
      assertThat(repeat.statusCode()).isEqualTo(200);
      assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(repeat.body()).isEqualTo(first.body());
      assertThat(backend.receivedCount()).isEqualTo(1);
      assertThat(b.management("/metrics").body())
          .contains("agent_idempotency_replays_total{store=\"dynamodb\"} 1.0");

      HttpResponse<String> reused =
          b.post(
              "/dispatch", ORDER.replace("\"order\": 1", "\"order\": 2"), "idempotency-key", "k-1");
      assertThat(reused.statusCode()).isEqualTo(422);
      ProblemAssert.isProblem(reused, "idempotency-key-reused");
      assertThat(backend.receivedCount()).isEqualTo(1);
    }
  }

  @Test
  void copiesSentAtOnceToBothRuntimesAreDispatchedOnce() throws Exception {
    Responders.Gate gate = new Responders.Gate();
    try (LocalRegion region = LocalRegion.start(HOME);
        LoopbackServer backend = LoopbackServer.start(gate.holding(Responders.numbering()));
        TestRuntime a = start(region, backend, "a");
        TestRuntime b = start(region, backend, "b")) {
      region.permit("allow-orders", "lookup_order");
      awaitAllowed(a, b);
      gate.release();

      List<CompletableFuture<HttpResponse<String>>> copies =
          List.of(
              a.postAsync("/dispatch", ORDER, "idempotency-key", "k-2"),
              b.postAsync("/dispatch", ORDER, "idempotency-key", "k-2"),
              a.postAsync("/dispatch", ORDER, "idempotency-key", "k-2"),
              b.postAsync("/dispatch", ORDER, "idempotency-key", "k-2"));
      List<HttpResponse<String>> answers =
          copies.stream().map(copy -> copy.orTimeout(30, TimeUnit.SECONDS).join()).toList();

      assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
      assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.getFirst().body());
      assertThat(answers)
          .filteredOn(answer -> answer.headers().firstValue("idempotent-replayed").isEmpty())
          .hasSize(1);
      assertThat(backend.receivedCount()).isEqualTo(1);
    }
  }

  @Test
  void aRepeatWaitsForTheFirstStillRunningOnTheOtherRuntime() throws Exception {
    Responders.Gate gate = new Responders.Gate();
    try (LocalRegion region = LocalRegion.start(HOME);
        LoopbackServer backend = LoopbackServer.start(gate.holding(Responders.numbering()));
        TestRuntime a = start(region, backend, "a");
        TestRuntime b = start(region, backend, "b")) {
      region.permit("allow-orders", "lookup_order");
      awaitAllowed(a, b);

      CompletableFuture<HttpResponse<String>> first =
          a.postAsync("/dispatch", ORDER, "idempotency-key", "k-3");
      await().atMost(WAIT).until(() -> backend.receivedCount() == 1);
      CompletableFuture<HttpResponse<String>> repeat =
          b.postAsync("/dispatch", ORDER, "idempotency-key", "k-3");
      // Had the repeat been dispatched, it would reach the backend within this window.
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> backend.receivedCount() == 1);
      gate.release();

      HttpResponse<String> repeated = repeat.get(20, TimeUnit.SECONDS);
      assertThat(repeated.statusCode()).isEqualTo(200);
      assertThat(repeated.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(repeated.body()).isEqualTo(first.get(10, TimeUnit.SECONDS).body());
      assertThat(backend.receivedCount()).isEqualTo(1);
    }
  }

  @Test
  void anAnswerSayingNothingRanDoesNotBlockARetryOnTheOtherRuntime() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime a = start(region, backend, "a");
        TestRuntime b = start(region, backend, "b")) {
      region.permit("one-per-hour", "lookup_order", RateLimit.parse("1/1h"));
      awaitAllowed(a, b);
      await().atMost(WAIT).until(() -> a.post("/dispatch", ORDER).statusCode() == 429);
      int before = backend.receivedCount();

      HttpResponse<String> limited = a.post("/dispatch", ORDER, "idempotency-key", "k-4");
      assertThat(limited.statusCode()).isEqualTo(429);
      region.permit("one-per-hour", "lookup_order");
      await()
          .atMost(WAIT)
          .until(() -> b.post("/dispatch", ORDER, "idempotency-key", "k-4").statusCode() == 200);

      assertThat(backend.receivedCount() - before).isEqualTo(1);
    }
  }

  @Test
  void aLapsedClaimOfAVanishedRuntimeIsTakenOver() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime a = start(region, backend, "a");
        TestRuntime b = start(region, backend, "b")) {
      region.permit("allow-orders", "lookup_order");
      awaitAllowed(a, b);
      int before = backend.receivedCount();
      putClaim(region, "k-5", 1);

      HttpResponse<String> taken = b.post("/dispatch", ORDER, "idempotency-key", "k-5");

      assertThat(taken.statusCode()).isEqualTo(200);
      assertThat(taken.headers().firstValue("idempotent-replayed")).isEmpty();
      assertThat(backend.receivedCount() - before).isEqualTo(1);
    }
  }

  @Test
  void anAnswerTooLargeToKeepIsNeitherReplayedNorDispatchedAgain() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime a = start(region, backend, "a");
        TestRuntime b = start(region, backend, "b")) {
      region.permit("allow-reasoning", "call_reasoning");
      String large =
          "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"ann\"}, \"input\": {\"text\": \""
              + "x".repeat(400 * 1024)
              + "\"}}";
      await()
          .atMost(WAIT)
          .until(() -> b.post("/v1/decisions", large).body().contains("\"permitted\":true"));
      await()
          .atMost(WAIT)
          .until(() -> a.post("/v1/decisions", large).body().contains("\"permitted\":true"));

      assertThat(a.post("/dispatch", large, "idempotency-key", "k-6").statusCode()).isEqualTo(200);
      HttpResponse<String> repeat = b.post("/dispatch", large, "idempotency-key", "k-6");

      assertThat(repeat.statusCode()).isEqualTo(409);
      ProblemAssert.isProblem(repeat, "idempotency-reply-too-large");
    }
  }

  @Test
  void anUnreachableTableAnswers503AndDispatchesNothing() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime a = start(region, backend, "a")) {
      region.permit("allow-orders", "lookup_order");
      awaitAllowed(a);
      region.stop();

      HttpResponse<String> unavailable = a.post("/dispatch", ORDER, "idempotency-key", "k-7");

      assertThat(unavailable.statusCode()).isEqualTo(503);
      ProblemAssert.isProblem(unavailable, "idempotency-store-unavailable");
      assertThat(unavailable.headers().firstValue("retry-after")).isPresent();
      assertThat(backend.receivedCount()).isZero();
    }
  }

  @Test
  void aLiveClaimThatNeverCompletesAnswers409AfterTheIntentTimeoutWithoutDispatching()
      throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime runtime =
            SharedRateLimitTest.start(
                dir.resolve("a"),
                region,
                """
                idempotency: {store: dynamodb}
                intents:
                  - name: lookup_order
                    timeout: 1s
                    backend: {type: http, url: "%s"}
                """
                    .formatted(backend.url("/tool")))) {
      region.permit("allow-orders", "lookup_order");
      awaitAllowed(runtime);
      long inAnHour = System.currentTimeMillis() / 1000 + 3600;
      putClaim(region, "k-8", inAnHour);

      HttpResponse<String> waiting = runtime.post("/dispatch", ORDER, "idempotency-key", "k-8");

      assertThat(waiting.statusCode()).isEqualTo(409);
      ProblemAssert.isProblem(waiting, "idempotency-in-progress");
      assertThat(backend.receivedCount()).isZero();
    }
  }

  /** Both runtimes have loaded the policies: a request without a key gets through each. */
  private static void awaitAllowed(TestRuntime... runtimes) {
    for (TestRuntime runtime : runtimes) {
      await()
          .atMost(WAIT)
          .until(() -> runtime.post("/v1/decisions", ORDER).body().contains("\"permitted\":true"));
    }
  }

  /** A pending claim of ann's {@code key} for {@link #ORDER}, left by a runtime that vanished. */
  private static void putClaim(LocalRegion region, String key, long expiresAt) {
    region
        .client()
        .putItem(
            put ->
                put.tableName(LocalRegion.TABLE)
                    .item(
                        Map.of(
                            "pk", AttributeValue.fromS("IDEM#agents/test#" + sha256("ann\n" + key)),
                            "sk", AttributeValue.fromS("#"),
                            "state", AttributeValue.fromS("pending"),
                            "bodyDigest", AttributeValue.fromS(sha256(ORDER)),
                            "owner", AttributeValue.fromS("a-runtime-that-vanished"),
                            "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
  }

  private TestRuntime start(LocalRegion region, LoopbackServer backend, String name)
      throws Exception {
    return SharedRateLimitTest.start(
        dir.resolve(name),
        region,
        "idempotency: {store: dynamodb}\n" + TestRuntime.lookupOrderServedBy(backend));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
