package io.agentruntime.cli.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentruntime.cli.CommandResult;
import io.agentruntime.runtime.testing.LoopbackServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perf-regression --prometheus} against a real Prometheus (Debian's {@code prometheus}
 * package) scraping a loopback server whose dispatches turn ten times slower: the latest seconds'
 * p95 is far above the last minute's. Skipped where the binary is absent.
 */
class PerfRegressionPrometheusTest {
  private static final String SAMPLES =
      "count_over_time(agent_dispatch_duration_seconds_count[1m])";

  @TempDir static Path dir;

  private static final SyntheticMetrics METRICS = new SyntheticMetrics();
  private static LoopbackServer runtime;
  private static LocalPrometheus prometheus;

  @BeforeAll
  static void startPrometheusAndSlowDown() throws Exception {
    assumeTrue(
        Files.isExecutable(LocalPrometheus.BINARY),
        LocalPrometheus.BINARY
            + " is absent (Debian package 'prometheus'): skipping the Prometheus regression tests");
    runtime = LoopbackServer.start(METRICS);
    prometheus = LocalPrometheus.start(dir, "127.0.0.1:" + runtime.url("/").getPort());
    awaitSamples(4);
    METRICS.slowDown();
    // Enough scrapes after the change that the latest 3 s hold only slow dispatches.
    awaitSamples(samples() + 5);
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void slowerLatestWindowIsARegression() {
    CommandResult run = regression("--selector", "intent=\"call_reasoning\"");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("p95 latest 3s: +9[0-9]\\.[0-9]{2} ms")
        .containsPattern("p95 baseline 1m: +[0-9]\\.[0-9]{2} ms")
        .containsPattern("change: \\+[0-9.]+ % \\(threshold \\+20\\.0 %\\): REGRESSION");
  }

  @Test
  void sameDataWithinAWiderThresholdPasses() {
    CommandResult run = regression("--threshold", "5000%");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("(threshold +5000.0 %): ok");
  }

  @Test
  void selectorWithoutSeriesIsNoData() {
    CommandResult run = regression("--selector", "{intent=\"missing\"}");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("no data: Prometheus at " + prometheus.url())
        .contains("for the latest 3s window")
        .contains("agent_dispatch_duration_seconds_bucket{intent=\"missing\"}[3s]");
  }

  @Test
  void unreachablePrometheusIsNoData() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CommandResult run =
        CommandResult.run("perf-regression", "--prometheus", "http://127.0.0.1:" + closedPort);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("no data: cannot query http://127.0.0.1:" + closedPort);
  }

  private static CommandResult regression(String... options) {
    String[] args = new String[options.length + 7];
    String[] fixed = {
      "perf-regression",
      "--prometheus",
      prometheus.url().toString(),
      "--window",
      "3s",
      "--baseline",
      "1m"
    };
    System.arraycopy(fixed, 0, args, 0, fixed.length);
    System.arraycopy(options, 0, args, fixed.length, options.length);
    return CommandResult.run(args);
  }

  private static void awaitSamples(double atLeast) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> samples() >= atLeast);
  }

  private static double samples() throws Exception {
    try (PrometheusQuery query = new PrometheusQuery(prometheus.url())) {
      return query.scalar(SAMPLES).orElse(0);
    }
  }
}
