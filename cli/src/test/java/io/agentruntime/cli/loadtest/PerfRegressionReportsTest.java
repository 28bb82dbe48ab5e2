package io.agentruntime.cli.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.cli.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perf-regression --current --baseline} on two saved loadtest reports. */
class PerfRegressionReportsTest {
  @TempDir Path dir;

  @Test
  void p95DegradedPastTheThresholdExitsOne() throws IOException {
    CommandResult run = compare(report("current", 125), report("baseline", 100), "20%");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("p95 current .*current\\.json: +125\\.00 ms")
        .containsPattern("p95 baseline .*baseline\\.json: +100\\.00 ms")
        .contains("change: +25.0 % (threshold +20.0 %): REGRESSION");
  }

  @Test
  void p95WithinTheThresholdExitsZero() throws IOException {
    CommandResult run = compare(report("current", 115), report("baseline", 100), "20%");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("change: +15.0 % (threshold +20.0 %): ok");
  }

  @Test
  void thresholdIsTwentyPercentByDefault() throws IOException {
    Path baseline = report("baseline", 100);

    assertThat(compare(report("a", 119), baseline).exitCode()).isZero();
    assertThat(compare(report("b", 121), baseline).exitCode()).isEqualTo(1);
  }

  @Test
  void aFasterRunIsNoRegression() throws IOException {
    CommandResult run = compare(report("current", 60), report("baseline", 100), "0%");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("change: -40.0 %");
  }

  @Test
  void aReportWithoutAnswersIsNoData() throws IOException {
    LoadResult unanswered =
        new LoadResult(10, 1, 0, 0, 0, 10, 0, new LoadResult.Latency(0, 0, 0, 0, 0), null);
    Path current = write("current", unanswered);

    CommandResult run = compare(current, report("baseline", 100));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("no data: --current '" + current + "' has no answered request");
  }

  @Test
  void unreadableReportsAreUsageErrorsNamingTheOption() throws IOException {
    Path notAReport = dir.resolve("notes.json");
    Files.writeString(notAReport, "{\"configuration\": {}}");

    CommandResult malformed = compare(report("current", 100), notAReport);
    CommandResult missing = compare(dir.resolve("missing.json"), report("baseline", 100));
    CommandResult noBaseline =
        CommandResult.run("perf-regression", "--current", report("current", 100).toString());
    CommandResult neither = CommandResult.run("perf-regression");

    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err())
        .contains(
            "--baseline '"
                + notAReport
                + "' is not a loadtest JSON report: missing object 'results'");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .contains("--current '" + dir.resolve("missing.json") + "' cannot be read");
    assertThat(noBaseline.exitCode()).isEqualTo(2);
    assertThat(noBaseline.err()).contains("--current needs --baseline FILE");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("give either --prometheus URL or --current FILE");
  }

  private CommandResult compare(Path current, Path baseline, String... threshold) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "perf-regression",
                "--current",
                current.toString(),
                "--baseline",
                baseline.toString()));
    for (String value : threshold) {
      args.addAll(List.of("--threshold", value));
    }
    return CommandResult.run(args.toArray(String[]::new));
  }

  private Path report(String name, double p95Millis) throws IOException {
    return write(
        name,
        new LoadResult(
            3000,
            2,
            3000,
            0,
            0,
            0,
            0,
            new LoadResult.Latency(p95Millis / 3, p95Millis / 4, p95Millis, p95Millis * 2, 400),
            null));
  }

  private Path write(String name, LoadResult total) throws IOException {
    LoadReport report =
        new LoadReport(
            "baseline",
            "POST",
            "http://127.0.0.1:8080/dispatch",
            List.of(new LoadReport.StageReport("3000 requests, 10 concurrent, closed loop", total)),
            total);
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, ReportFormat.JSON.render(report));
    return file;
  }
}
