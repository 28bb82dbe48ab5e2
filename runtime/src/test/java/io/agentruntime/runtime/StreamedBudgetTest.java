package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        TestRuntime a = TokenBudgets.start(dir.resolve("a"), region, model);
        TestRuntime b = TokenBudgets.start(dir.resolve("b"), region, model)) {
      TokenBudgets.permit(region, POLICY, TokenBudgets.daily(cap));
      a.awaitPolicy(POLICY);
      b.awaitPolicy(POLICY);

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
      TokenBudgets.awaitSettled(region, POLICY, "ann", model.reportedTokens(), cap);
    }
  }

  @Test
  void aRefusedStreamIsAnErrorAnswerBeforeAnyByteAndNothingReachesTheModel() throws Exception {
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model = ModelServer.streaming(WORDS, Duration.ofMillis(20));
        TestRuntime runtime = TokenBudgets.start(dir.resolve("a"), region, model)) {
      TokenBudgets.permit(region, POLICY, TokenBudgets.daily(RESERVATION - 1));
      runtime.awaitPolicy(POLICY);

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
        TestRuntime runtime = TokenBudgets.start(dir.resolve("a"), region, model)) {
      TokenBudgets.permit(region, POLICY, TokenBudgets.daily(cap));
      runtime.awaitPolicy(POLICY);

      HttpResponse<Stream<String>> response =
          SseClient.post(runtime.uri("/dispatch"), dispatchBody("ann"));
      assertThat(response.statusCode()).isEqualTo(200);
      // the head leaves before the usage is known: it shows what the hold left
      assertThat(response.headers().firstValue("x-budget-remaining-tokens"))
          .hasValue(Long.toString(cap - RESERVATION));
      List<SseClient.Event> events = SseClient.events(response.body());
      JsonObject done = events.getLast().json();
      assertThat(done.getJsonObject("usage").getLong("totalTokens")).isEqualTo(USAGE);

      TokenBudgets.awaitSettled(region, POLICY, "ann", USAGE, cap);
    }
  }

  @Test
  void aCallerThatLeavesMidStreamGetsItsHoldBack() throws Exception {
    long cap = 100 * RESERVATION;
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model =
            ModelServer.streaming(Collections.nCopies(50, "word "), Duration.ofMillis(200));
        TestRuntime runtime = TokenBudgets.start(dir.resolve("a"), region, model);
        Socket caller = new Socket("127.0.0.1", runtime.port())) {
      TokenBudgets.permit(region, POLICY, TokenBudgets.daily(cap));
      runtime.awaitPolicy(POLICY);

      caller.getOutputStream().write(StreamBackpressureTest.request(dispatchBody("ann")));
      StreamBackpressureTest.readUntil(caller.getInputStream(), "event: piece");
      assertThat(TokenBudgets.number(TokenBudgets.bucket(region, POLICY, "ann"), "remaining"))
          .isEqualTo(cap - RESERVATION);
      caller.close();

      await().atMost(WAIT).until(() -> model.streams().closedNanos() > 0);
      TokenBudgets.awaitSettled(region, POLICY, "ann", 0, cap);
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
}
