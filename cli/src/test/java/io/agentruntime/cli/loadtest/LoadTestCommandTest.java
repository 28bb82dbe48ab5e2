package io.agentruntime.cli.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.cli.CommandResult;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent-runtime loadtest} against loopback servers whose latencies are known. On the first,
 * four answers in five take 500 ms and every fifth 1500 ms: p50 is 500 ms, p95 and p99 are 1500 ms
 * and the average is 700 ms. Measured figures add the client's and the loopback's own delay, which
 * a busy 2-core machine (JIT compilations, other builds) makes anything from a few to a few hundred
 * milliseconds, so no upper bound in milliseconds holds. What holds whatever the delay: each figure
 * is at least the server's own latency, and the statistics keep their order (the p50 below the
 * average, the average below the p95), which a wrong statistic breaks (a p50 that was really the
 * average, a p95 that was a mean). The second answers every request after 100 ms, for the tests of
 * everything else.
 */
class LoadTestCommandTest {
  private static final double FAST = 500;
  private static final double SLOW = 1500;
  private static final double AVERAGE = (4 * FAST + SLOW) / 5;

  private static LoopbackServer known;
  private static LoopbackServer server;

  @BeforeAll
  static void startServers() {
    Duration fast = Duration.ofMillis((long) FAST);
    known =
        LoopbackServer.start(
            Responders.cycling(
                List.of(fast, fast, fast, fast, Duration.ofMillis((long) SLOW)), Responders.ok()));
    server = LoopbackServer.start(Responders.after(Duration.ofMillis(100), Responders.ok()));
  }

  @AfterAll
  static void stopServers() throws Exception {
    known.close();
    server.close();
  }

  // The warm-up opens every connection first: on a cold JVM, opening them under load adds tens of
  // milliseconds to the first round, which is the client's cost, not the server's latency.
  @Test
  void closedLoopReportsTheInjectedPercentiles() {
    CommandResult run =
        load(known, "--warmup", "50", "--requests", "100", "--concurrency", "50", "-o", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertMatchesInjectedDistribution(totals(run));
  }

  @Test
  void openLoopReportsTheInjectedPercentiles() {
    CommandResult run =
        load(
            known,
            "--warmup",
            "100",
            "--requests",
            "100",
            "--concurrency",
            "100",
            "--rate",
            "50",
            "-o",
            "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    LoadResult result = totals(run);
    assertMatchesInjectedDistribution(result);
    // 100 requests due over 2 s, the last answered 0.5-1.5 s later: the schedule sets the pace.
    assertThat(result.requestsPerSecond()).isBetween(100 / 3.8, 50.0);
  }

  private static void assertMatchesInjectedDistribution(LoadResult result) {
    assertThat(result.requests()).isEqualTo(100);
    assertThat(result.success()).isEqualTo(100);
    assertThat(result.successRate()).isEqualTo(1.0);
    LoadResult.Latency latency = result.latency();
    assertThat(latency.p50()).isGreaterThanOrEqualTo(FAST).isLessThan(latency.average());
    assertThat(latency.average()).isGreaterThanOrEqualTo(AVERAGE).isLessThan(latency.p95());
    assertThat(latency.p95()).isGreaterThanOrEqualTo(SLOW);
    assertThat(latency.p99()).isGreaterThanOrEqualTo(latency.p95());
  }

  @Test
  void openLoopChargesQueueingToTheRequestsThatWaited() {
    // One connection, answers of 100 ms, requests due every 10 ms: they queue behind each other,
    // and the wait counts. A closed loop would report about 100 ms for every request.
    CommandResult run =
        loadtest("--requests", "10", "--concurrency", "1", "--rate", "100", "-o", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // The last request was due after 90 ms but sent after 9 answers of 100 ms (900 ms).
    assertThat(totals(run).latency().max()).isGreaterThan(800);
  }

  @Test
  void textReportHasTheOriginalSections() {
    CommandResult run = loadtest("--requests", "10", "--concurrency", "5");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Load Test Results")
        .contains("Configuration", "Latency", "Throughput", "Errors")
        .containsPattern("Scenario: +custom")
        .containsPattern("Target: +POST " + url(server))
        .containsPattern("Load: +10 requests, 5 concurrent, closed loop")
        .containsPattern("p95: +[0-9]+\\.[0-9]{2} ms")
        .containsPattern("Total: +10 requests in ")
        .containsPattern("Success rate: +100\\.00 %")
        .containsPattern("5xx: +0");
  }

  @Test
  void markdownReportIsATable() {
    CommandResult run = loadtest("--requests", "10", "--concurrency", "5", "-o", "markdown");

    assertThat(run.out())
        .startsWith("## Load Test Results")
        .contains("| average | p50 | p95 | p99 | max |")
        .contains("| 1 | 10 requests, 5 concurrent, closed loop |");
  }

  @Test
  void maxP95GateFailsAboveTheThresholdAndPassesBelow() {
    CommandResult above = loadtest("--requests", "20", "--concurrency", "5", "--max-p95", "50ms");
    CommandResult below = loadtest("--requests", "20", "--concurrency", "5", "--max-p95", "1s");

    assertThat(above.exitCode()).isEqualTo(1);
    assertThat(above.err()).containsPattern("p95 [0-9]+\\.[0-9]{2} ms is above --max-p95 50ms");
    assertThat(below.exitCode()).isZero();
    assertThat(below.err()).containsPattern("p95 [0-9]+\\.[0-9]{2} ms is within --max-p95 1s");
  }

  @Test
  void reportFileIsWhatPerfRegressionReads(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report.json");

    CommandResult run = loadtest("--requests", "10", "--report", report.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    LoadReport saved = LoadReport.parse(Files.readString(report));
    assertThat(saved.total().requests()).isEqualTo(10);
    assertThat(saved.url()).isEqualTo(url(server));
  }

  @Test
  void aServerClosingEachConnectionIsNotAFailure() throws Exception {
    try (LoopbackServer closing =
        LoopbackServer.start(
            Responders.after(
                Duration.ofMillis(1), Responders.closingConnections(Responders.ok())))) {
      CommandResult run = load(closing, "--requests", "40", "--concurrency", "4", "-o", "json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(totals(run).success()).isEqualTo(40);
      assertThat(totals(run).errors()).isZero();
    }
  }

  @Test
  void noAnswerAtAllExitsThree() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/";

    CommandResult run =
        CommandResult.run("loadtest", "--url", url, "--requests", "3", "--max-p95", "1s");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("no answer from " + url + ": 0 timeouts, 3 connection errors");
  }

  @Test
  void usageErrorsExitTwoAndNameTheOption() {
    assertUsageError(CommandResult.run("loadtest", "baseline", "--requests", "5"), "--requests");
    assertUsageError(
        CommandResult.run("loadtest", "--concurrency", "0"), "--concurrency must be at least 1");
    assertUsageError(CommandResult.run("loadtest", "--rate", "-1"), "--rate must be");
    assertUsageError(
        CommandResult.run("loadtest", "--max-p95", "fast"), "'fast' is not a duration");
    assertUsageError(
        CommandResult.run("loadtest", "--url", "localhost:8080"), "--url 'localhost:8080'");
    assertUsageError(
        CommandResult.run("loadtest", "-H", "no-colon"), "-H 'no-colon' is not a header");
    assertUsageError(CommandResult.run("loadtest", "storm"), "storm");
  }

  private static void assertUsageError(CommandResult run, String message) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message);
    assertThat(run.out()).isEmpty();
  }

  /** The total results of a {@code loadtest -o json} run. */
  private static LoadResult totals(CommandResult run) {
    return LoadReport.parse(run.out()).total();
  }

  private static CommandResult loadtest(String... args) {
    return load(server, args);
  }

  private static String url(LoopbackServer target) {
    return target.url("/dispatch").toString();
  }

  private static CommandResult load(LoopbackServer target, String... args) {
    return CommandResult.run(
        Stream.concat(Stream.of("loadtest", "--url", url(target)), Stream.of(args))
            .toArray(String[]::new));
  }
}
