package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.runtime.testing.ModelServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Budgets on the streamed paths: streamed {@code /dispatch} and {@code /v1/chat/completions},
 * streamed and whole, across two runtimes sharing one table (a real dynalite) in front of one
 * streaming model server on loopback. A refusal comes before the stream; a stream is charged the
 * usage of its final chunk; a caller that leaves returns its hold.
 */
class StreamedBudgetTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration BURST = Duration.ofSeconds(90);

  /** Each answer: three words, so the model reports 7 + 3 tokens. */
  private static final List<String> WORDS = List.of("one ", "two ", "three");

  private static final long USAGE = 7 + WORDS.size();

  /** The input of every request, /dispatch and chat completion alike. */
  private static final JsonObject INPUT =
      new JsonObject()
          .put(
              "messages",
              new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi")))
          .put("max_tokens", 5);

  /** What each request holds: its input's size in bytes plus its max_tokens. */
  private static final long RESERVATION = INPUT.toBuffer().length() + 5;

  private static final String POLICY = "metered";

  @TempDir Path dir;

  @Test
  void streamsAndChatCompletionsAcrossTwoRuntimesNeverSpendMoreThanTheCap() throws Exception {
    long cap = 10 * RESERVATION;
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model = ModelServer.streaming(WORDS, Duration.ofMillis(20));
        TestRuntime a = start(region, "a", model);
        TestRuntime b = start(region, "b", model)) {
      budget(region, cap);
      awaitPolicy(a);
      awaitPolicy(b);

      List<Sent> sent = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        TestRuntime runtime = i % 2 == 0 ? a : b;
        Kind kind = Kind.values()[i % Kind.values().length];
        sent.add(new Sent(kind, kind.send(runtime, "ann")));
      }
      int served = 0;
      for (Sent one : sent) {
        HttpResponse<String> response = one.answer().get(BURST.toSeconds(), TimeUnit.SECONDS);
        if (response.statusCode() == 200) {
          served++;
          one.kind().assertServed(response);
        } else {
          one.kind().assertRefused(response);
        }
      }

      // How many are served depends on timing (all 120 may reserve before any settles) and on the
      // kinds' reservations (a chat request's input is larger than a dispatch's, so fewer than ten
      // of them fit); what must hold is that the cap's worth of reported usage is never exceeded.
      assertThat(served).isPositive().isLessThan(120);
      assertThat(model.completions()).isEqualTo(served);
      assertThat(model.reportedTokens()).isEqualTo(served * USAGE).isLessThanOrEqualTo(cap);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                Map<String, AttributeValue> bucket = bucket(region, "ann");
                assertThat(bucket.keySet()).noneMatch(name -> name.startsWith("hold:"));
                assertThat(number(bucket, "spent"))
                    .isEqualTo(model.reportedTokens())
                    .isLessThanOrEqualTo(cap);
                assertThat(number(bucket, "remaining")).isEqualTo(cap - model.reportedTokens());
              });
    }
  }

  @Test
  void aRefusedStreamIsAnErrorAnswerBeforeAnyByteAndNothingReachesTheModel() throws Exception {
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model = ModelServer.streaming(WORDS, Duration.ofMillis(20));
        TestRuntime runtime = start(region, "a", model)) {
      budget(region, RESERVATION - 1);
      awaitPolicy(runtime);

      HttpResponse<Stream<String>> dispatch =
          SseClient.post(runtime.uri("/dispatch"), dispatchBody("ann"));
      assertThat(dispatch.statusCode()).isEqualTo(429);
      assertThat(dispatch.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
      JsonObject problem = new JsonObject(String.join("\n", dispatch.body().toList()));
      assertThat(problem.getString("type"))
          .isEqualTo("https://agentruntime.io/problems/budget-exhausted");
      assertThat(problem.getJsonObject("budget").getString("policy")).isEqualTo(POLICY);
      assertThat(dispatch.headers().firstValue("retry-after")).isPresent();

      HttpResponse<String> chat = Kind.CHAT_STREAMED.send(runtime, "ann").get(30, TimeUnit.SECONDS);
      Kind.CHAT_STREAMED.assertRefused(chat);

      assertThat(model.received()).isEmpty();
    }
  }

  @Test
  void aStreamIsChargedTheUsageOfItsFinalChunk() throws Exception {
    long cap = 100 * RESERVATION;
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model = ModelServer.streaming(WORDS, Duration.ofMillis(100));
        TestRuntime runtime = start(region, "a", model)) {
      budget(region, cap);
      awaitPolicy(runtime);

      HttpResponse<Stream<String>> response =
          SseClient.post(runtime.uri("/dispatch"), dispatchBody("ann"));
      assertThat(response.statusCode()).isEqualTo(200);
      // the head leaves before the usage is known: it shows what the hold left
      assertThat(response.headers().firstValue("x-budget-remaining-tokens"))
          .hasValue(Long.toString(cap - RESERVATION));
      List<SseClient.Event> events = SseClient.events(response.body());
      JsonObject done = events.getLast().json();
      assertThat(done.getJsonObject("usage").getLong("totalTokens")).isEqualTo(USAGE);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                Map<String, AttributeValue> bucket = bucket(region, "ann");
                assertThat(bucket.keySet()).noneMatch(name -> name.startsWith("hold:"));
                assertThat(number(bucket, "spent")).isEqualTo(USAGE);
                assertThat(number(bucket, "remaining")).isEqualTo(cap - USAGE);
              });
    }
  }

  @Test
  void aCallerThatLeavesMidStreamGetsItsHoldBack() throws Exception {
    long cap = 100 * RESERVATION;
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model =
            ModelServer.streaming(Collections.nCopies(50, "word "), Duration.ofMillis(200));
        TestRuntime runtime = start(region, "a", model);
        Socket caller = new Socket("127.0.0.1", runtime.port())) {
      budget(region, cap);
      awaitPolicy(runtime);

      caller.getOutputStream().write(StreamBackpressureTest.request(dispatchBody("ann")));
      StreamBackpressureTest.readUntil(caller.getInputStream(), "event: piece");
      assertThat(number(bucket(region, "ann"), "remaining")).isEqualTo(cap - RESERVATION);
      caller.close();

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(model.streams().closedNanos()).isPositive();
                Map<String, AttributeValue> bucket = bucket(region, "ann");
                assertThat(bucket.keySet()).noneMatch(name -> name.startsWith("hold:"));
                assertThat(number(bucket, "spent")).isZero();
                assertThat(number(bucket, "remaining")).isEqualTo(cap);
              });
    }
  }

  /** The four ways to call the model, each with what its answers look like. */
  private enum Kind {
    DISPATCH_STREAMED {
      @Override
      CompletableFuture<HttpResponse<String>> send(TestRuntime runtime, String user) {
        return runtime.postAsyncWithin(
            BURST, "/dispatch", dispatchBody(user), "accept", "text/event-stream");
      }

      @Override
      void assertServed(HttpResponse<String> response) {
        assertThat(response.body()).contains("event: done");
      }
    },
    DISPATCH_WHOLE {
      @Override
      CompletableFuture<HttpResponse<String>> send(TestRuntime runtime, String user) {
        return runtime.postAsyncWithin(BURST, "/dispatch", dispatchBody(user));
      }

      @Override
      void assertServed(HttpResponse<String> response) {
        assertThat(new JsonObject(response.body()).getJsonObject("result").getString("content"))
            .isEqualTo("ok");
      }
    },
    CHAT_STREAMED {
      @Override
      CompletableFuture<HttpResponse<String>> send(TestRuntime runtime, String user) {
        return runtime.postAsyncWithin(BURST, "/v1/chat/completions", chatBody(user, true));
      }

      @Override
      void assertServed(HttpResponse<String> response) {
        assertThat(response.body()).contains("chat.completion.chunk").endsWith("data: [DONE]\n\n");
      }
    },
    CHAT_WHOLE {
      @Override
      CompletableFuture<HttpResponse<String>> send(TestRuntime runtime, String user) {
        return runtime.postAsyncWithin(BURST, "/v1/chat/completions", chatBody(user, false));
      }

      @Override
      void assertServed(HttpResponse<String> response) {
        assertThat(new JsonObject(response.body()).getJsonObject("usage").getLong("total_tokens"))
            .isEqualTo(USAGE);
      }
    };

    abstract CompletableFuture<HttpResponse<String>> send(TestRuntime runtime, String user);

    abstract void assertServed(HttpResponse<String> response);

    /** A 429 before anything was streamed, in the API's own error format, naming the budget. */
    void assertRefused(HttpResponse<String> response) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
      assertThat(Long.parseLong(response.headers().firstValue("retry-after").orElseThrow()))
          .isBetween(1L, 86_400L);
      if (this == DISPATCH_STREAMED || this == DISPATCH_WHOLE) {
        JsonObject problem = ProblemAssert.isProblem(response, "budget-exhausted");
        assertThat(problem.getJsonObject("budget").getString("policy")).isEqualTo(POLICY);
        return;
      }
      JsonObject error = new JsonObject(response.body()).getJsonObject("error");
      assertThat(error.getString("type")).isEqualTo("rate_limit_error");
      assertThat(error.getString("code")).isEqualTo("budget-exhausted");
      assertThat(error.getString("message")).contains("'" + POLICY + "'");
    }
  }

  private record Sent(Kind kind, CompletableFuture<HttpResponse<String>> answer) {}

  static String dispatchBody(String user) {
    return new JsonObject()
        .put("intent", "call_reasoning")
        .put("context", new JsonObject().put("user_id", user))
        .put("input", INPUT)
        .encode();
  }

  private static String chatBody(String user, boolean stream) {
    return INPUT.copy().put("model", "test-model").put("user", user).put("stream", stream).encode();
  }

  private static void budget(LocalRegion region, long cap) throws Exception {
    region.permit(
        POLICY,
        "call_reasoning",
        new PolicyLimits(
            Optional.empty(), Optional.of(Budget.parseTokens(cap + "/1d")), Optional.empty()));
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  private static Map<String, AttributeValue> bucket(LocalRegion region, String principal) {
    return SharedBudgetTest.bucket(region, POLICY + "#tokens#" + principal);
  }

  private static void awaitPolicy(TestRuntime runtime) {
    await()
        .atMost(WAIT)
        .until(() -> runtime.post("/v1/decisions", dispatchBody("probe")).body().contains(POLICY));
  }

  private TestRuntime start(LocalRegion region, String name, ModelServer model) throws Exception {
    return SharedRateLimitTest.start(
        dir.resolve(name),
        region,
        """
        intents:
          - name: call_reasoning
            timeout: 30s
            backend: {type: openai, url: "%s", model: test-model, maxConnections: 300}
        """
            .formatted(model.url()));
  }
}
