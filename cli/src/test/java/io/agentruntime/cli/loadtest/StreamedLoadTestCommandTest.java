package io.agentruntime.cli.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.cli.CommandResult;
import io.agentruntime.cli.loadtest.DispatchEvents.End;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.StreamingResponders;
import io.agentruntime.runtime.testing.StreamingResponders.Progress;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent-runtime loadtest --stream} against real servers on loopback that write their pieces
 * a known interval apart, and through a real runtime. Measured times add the client's and the
 * loopback's own delay, anything from a few to a few hundred milliseconds on a busy 2-core machine,
 * so the bounds are what holds whatever that delay: no time below what the server takes, the time
 * to the first piece below the whole answer's, and the pace of pieces within a factor of two of the
 * server's (a pace counted from the request, or pieces counted twice, break it).
 */
class StreamedLoadTestCommandTest {
  private static final Duration FIRST_DELAY = Duration.ofMillis(300);
  private static final Duration APART = Duration.ofMillis(100);

  /** Pieces per second of one stream, pieces {@link #APART} apart. */
  private static final double PACE = 1000.0 / APART.toMillis();

  private static final List<String> WORDS =
      List.of("Order ", "42 ", "left ", "the ", "warehouse ", "this ", "morning", ".");

  @TempDir Path dir;

  @Test
  void dispatchStreamsReportTheFirstPieceAndThePaceOfPieces() throws Exception {
    int pieces = 10;
    try (LoopbackServer server =
        LoopbackServer.start(DispatchEvents.streaming(pieces, FIRST_DELAY, APART))) {
      CommandResult run =
          load(
              server.url("/dispatch").toString(),
              "--stream",
              "--warmup",
              "5",
              "--requests",
              "20",
              "--concurrency",
              "5",
              "-o",
              "json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      LoadResult result = totals(run);
      assertThat(result.success()).isEqualTo(20);
      LoadResult.Streaming streaming = result.streaming();
      assertThat(streaming.pieces()).isEqualTo(20L * pieces);
      assertThat(streaming.failures()).isEmpty();
      assertFirstPieceBeforeTheEnd(result, FIRST_DELAY.toMillis());
      long streamMillis = FIRST_DELAY.toMillis() + (pieces - 1) * APART.toMillis();
      assertThat(result.latency().p50()).isGreaterThanOrEqualTo(streamMillis);
      assertThat(streaming.piecesPerSecondPerStream()).isBetween(PACE / 2, PACE * 2);
      // 4 rounds of 5 streams, each at least streamMillis long: the server's own pace is the
      // ceiling
      double ceiling = 20.0 * pieces / (4 * streamMillis / 1000.0);
      assertThat(streaming.piecesPerSecond()).isBetween(ceiling / 3, ceiling);
      assertThat(server.received().getLast().headers().get("accept"))
          .isEqualTo("text/event-stream");
    }
  }

  @Test
  void chatStreamsCountTheDeltasUpToDone() throws Exception {
    Progress progress = new Progress();
    try (LoopbackServer model =
        LoopbackServer.start(StreamingResponders.openAiChunks(WORDS, APART, progress))) {
      CommandResult run =
          load(
              model.url("/v1/chat/completions").toString(),
              "--api",
              "chat",
              "--model",
              "test-model",
              "--stream",
              "--requests",
              "10",
              "--concurrency",
              "5",
              "-o",
              "json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      LoadResult result = totals(run);
      assertThat(result.success()).isEqualTo(10);
      // the finish reason's empty delta and the usage chunk are not pieces
      assertThat(result.streaming().pieces()).isEqualTo(10L * WORDS.size());
      assertFirstPieceBeforeTheEnd(result, 0);
      assertThat(result.latency().p50()).isGreaterThanOrEqualTo((WORDS.size() - 1) * 100.0);
      assertThat(result.streaming().piecesPerSecondPerStream()).isBetween(PACE / 2, PACE * 2);
      JsonObject sent = model.received().getFirst().json();
      assertThat(sent.getString("model")).isEqualTo("test-model");
      assertThat(sent.getBoolean("stream")).isTrue();
      assertThat(sent.getJsonArray("messages").getJsonObject(0).getString("content"))
          .isEqualTo(TargetOptions.PROMPT);
    }
  }

  @Test
  void streamsEndingBadlyAreFailedRequestsCountedByReason() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.start(
            DispatchEvents.cycling(
                3, Duration.ofMillis(20), End.DONE, End.ERROR, End.NO_DONE, End.CUT))) {
      CommandResult run =
          load(
              server.url("/dispatch").toString(),
              "--stream",
              "--requests",
              "20",
              "--concurrency",
              "4",
              "-o",
              "json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      LoadResult result = totals(run);
      assertThat(result.requests()).isEqualTo(20);
      assertThat(result.success()).isEqualTo(5);
      assertThat(result.successRate()).isEqualTo(0.25);
      assertThat(result.errors()).isZero();
      assertThat(result.streaming().failures())
          .hasSize(3)
          .containsEntry("error event backend-error", 5L)
          .containsEntry("ended without done", 5L)
          .hasEntrySatisfying(
              result.streaming().failures().keySet().stream()
                  .filter(reason -> reason.startsWith("broken before done"))
                  .findFirst()
                  .orElse("broken before done"),
              count -> assertThat(count).isEqualTo(5L));
    }
  }

  @Test
  void textAndMarkdownReportsShowTheStreamingFigures() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.start(
            DispatchEvents.cycling(2, Duration.ofMillis(10), End.DONE, End.ERROR))) {
      String url = server.url("/dispatch").toString();
      CommandResult text = load(url, "--stream", "--requests", "4", "--concurrency", "2");
      CommandResult markdown =
          load(url, "--stream", "--requests", "4", "--concurrency", "2", "-o", "markdown");

      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out())
          .contains("Streaming")
          .containsPattern("First piece p50: +[0-9]+\\.[0-9]{2} ms")
          .containsPattern("First piece p99: +[0-9]+\\.[0-9]{2} ms")
          .containsPattern("Pieces: +8")
          .containsPattern("Pieces/s per stream: +[0-9]+\\.[0-9]")
          .containsPattern("Failed streams: +2")
          .contains("    error event backend-error: 2")
          .containsPattern("Success rate: +50\\.00 %");
      assertThat(markdown.out())
          .contains("| first piece p50 | first piece p95 | first piece p99 | pieces |")
          .contains("- error event backend-error: 2");
    }
  }

  @Test
  void throughARealRuntimeBothApisStream() throws Exception {
    Progress progress = new Progress();
    try (LoopbackServer model =
            LoopbackServer.start(StreamingResponders.openAiChunks(WORDS, APART, progress));
        EmbeddedRuntime runtime =
            EmbeddedRuntime.start(
                dir,
                """
                intents:
                  - name: call_reasoning
                    backend: {type: echo}
                  - name: chat
                    backend: {type: openai, url: "%s", model: test-model}
                """
                    .formatted(model.url("")))) {
      CommandResult dispatch =
          load(
              runtime.url("/dispatch"),
              "--stream",
              "--warmup",
              "4",
              "--requests",
              "12",
              "--concurrency",
              "4",
              "-o",
              "json");
      CommandResult chat =
          load(
              runtime.url("/v1/chat/completions"),
              "--api",
              "chat",
              "--model",
              "test-model",
              "--stream",
              "--requests",
              "8",
              "--concurrency",
              "4",
              "-o",
              "json");

      assertThat(dispatch.exitCode()).as(dispatch.err()).isZero();
      LoadResult echoed = totals(dispatch);
      assertThat(echoed.success()).isEqualTo(12);
      // echo sends the prompt back in four pieces 150 ms apart, the first at once
      assertThat(echoed.streaming().pieces()).isEqualTo(12 * 4);
      assertFirstPieceBeforeTheEnd(echoed, 0);
      assertThat(echoed.latency().p50()).isGreaterThanOrEqualTo(3 * 150);
      assertThat(echoed.streaming().piecesPerSecondPerStream())
          .isBetween(1000.0 / 150 / 2, 1000.0 / 150 * 2);

      assertThat(chat.exitCode()).as(chat.err()).isZero();
      LoadResult chatted = totals(chat);
      assertThat(chatted.success()).isEqualTo(8);
      assertThat(chatted.streaming().pieces()).isEqualTo(8L * WORDS.size());
      assertFirstPieceBeforeTheEnd(chatted, 0);
      assertThat(chatted.streaming().piecesPerSecondPerStream()).isBetween(PACE / 2, PACE * 2);
    }
  }

  @Test
  void unstreamedReportsHaveNoStreamingFigures() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.start(DispatchEvents.streaming(1, Duration.ofMillis(1), APART))) {
      CommandResult run = load(server.url("/dispatch").toString(), "--requests", "2", "-o", "json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(new JsonObject(run.out()).getJsonObject("results").containsKey("streaming"))
          .isFalse();
      assertThat(server.received().getFirst().headers().get("accept")).isNull();
    }
  }

  // The request timeout of the HTTP client ends with the response head: without a timer of the
  // generator's own, a head followed by silence held its worker, and the whole command, forever.
  @Test
  @Timeout(60)
  void aStreamStalledAfterItsHeadIsATimeoutStreamedOrNot() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.start(DispatchEvents.streaming(1, Duration.ofMinutes(5), APART))) {
      String url = server.url("/dispatch").toString();
      CommandResult streamed =
          load(url, "--stream", "--requests", "2", "--timeout", "500ms", "-o", "json");
      CommandResult whole = load(url, "--requests", "2", "--timeout", "500ms", "-o", "json");

      for (CommandResult run : List.of(streamed, whole)) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(LoadTestCommand.NO_ANSWER);
        assertThat(run.err()).contains("2 timeouts, 0 connection errors");
        assertThat(totals(run).timeouts()).isEqualTo(2);
      }
    }
  }

  @Test
  void streamOptionErrorsExitTwoAndNameTheOption() {
    assertUsageError(CommandResult.run("loadtest", "--model", "m"), "--model goes with --api chat");
    assertUsageError(
        CommandResult.run("loadtest", "--api", "chat", "--stream"), "--api chat needs --model");
    assertUsageError(
        CommandResult.run("loadtest", "--api", "chat", "--body", "[1]"),
        "--api chat: the request body is not a JSON object");
    assertUsageError(CommandResult.run("loadtest", "--api", "grpc"), "--api");
  }

  /**
   * Each time-to-first-piece percentile is at least the server's first delay and below the same
   * percentile of the whole answer, and the percentiles keep their order.
   */
  private static void assertFirstPieceBeforeTheEnd(LoadResult result, double firstDelayMillis) {
    LoadResult.Latency first = result.streaming().timeToFirstPiece();
    LoadResult.Latency whole = result.latency();
    assertThat(first.p50()).isGreaterThanOrEqualTo(firstDelayMillis).isLessThan(whole.p50());
    assertThat(first.p95()).isGreaterThanOrEqualTo(first.p50()).isLessThan(whole.p95());
    assertThat(first.p99()).isGreaterThanOrEqualTo(first.p95()).isLessThan(whole.p99());
  }

  private static void assertUsageError(CommandResult run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message);
    assertThat(run.out()).isEmpty();
  }

  private static LoadResult totals(CommandResult run) {
    return LoadReport.parse(run.out()).total();
  }

  private static CommandResult load(String url, String... args) {
    return CommandResult.run(
        Stream.concat(Stream.of("loadtest", "--url", url), Stream.of(args)).toArray(String[]::new));
  }
}
