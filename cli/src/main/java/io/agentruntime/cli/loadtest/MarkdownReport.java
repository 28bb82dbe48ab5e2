package io.agentruntime.cli.loadtest;

import static io.agentruntime.cli.loadtest.ReportFormat.millis;
import static io.agentruntime.cli.loadtest.ReportFormat.percent;
import static io.agentruntime.cli.loadtest.ReportFormat.rate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report as Markdown tables, for a pull request or a CI job summary. */
final class MarkdownReport {
  private static final String STAGES_HEADER =
      "| stage | load | requests/s | average | p95 | p99 | max | success rate |";
  private static final String RESULTS_HEADER =
      "| average | p50 | p95 | p99 | max | requests/s | total | success rate | 4xx | 5xx |"
          + " timeouts | connection errors |";

  private static final String STREAMING_HEADER =
      "| first piece p50 | first piece p95 | first piece p99 | pieces | pieces/s |"
          + " pieces/s per stream | failed streams |";

  private MarkdownReport() {}

  static String render(LoadReport report) {
    List<String> lines = new ArrayList<>();
    lines.add("## Load Test Results");
    lines.add("");
    lines.add(
        "Scenario `" + report.scenario() + "`: `" + report.method() + " " + report.url() + "`");
    lines.add("");
    lines.add(STAGES_HEADER);
    lines.add(separator(STAGES_HEADER));
    for (int i = 0; i < report.stages().size(); i++) {
      LoadReport.StageReport stage = report.stages().get(i);
      LoadResult.Latency latency = stage.result().latency();
      lines.add(
          row(
              Integer.toString(i + 1),
              stage.description(),
              rate(stage.result().requestsPerSecond()),
              millis(latency.average()),
              millis(latency.p95()),
              millis(latency.p99()),
              millis(latency.max()),
              percent(stage.result().successRate())));
    }
    lines.add("");
    lines.add(RESULTS_HEADER);
    lines.add(separator(RESULTS_HEADER));
    lines.add(totals(report.total()));
    if (report.total().streaming() != null) {
      streaming(lines, report.total().streaming());
    }
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  private static String totals(LoadResult result) {
    LoadResult.Latency latency = result.latency();
    return row(
        millis(latency.average()),
        millis(latency.p50()),
        millis(latency.p95()),
        millis(latency.p99()),
        millis(latency.max()),
        rate(result.requestsPerSecond()),
        Long.toString(result.requests()),
        percent(result.successRate()),
        Long.toString(result.status4xx()),
        Long.toString(result.status5xx()),
        Long.toString(result.timeouts()),
        Long.toString(result.errors()));
  }

  private static void streaming(List<String> lines, LoadResult.Streaming streaming) {
    LoadResult.Latency first = streaming.timeToFirstPiece();
    lines.add("");
    lines.add(STREAMING_HEADER);
    lines.add(separator(STREAMING_HEADER));
    lines.add(
        row(
            millis(first.p50()),
            millis(first.p95()),
            millis(first.p99()),
            Long.toString(streaming.pieces()),
            rate(streaming.piecesPerSecond()),
            rate(streaming.piecesPerSecondPerStream()),
            Long.toString(streaming.failed())));
    if (!streaming.failures().isEmpty()) {
      lines.add("");
      streaming.failures().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(failure -> lines.add("- " + failure.getKey() + ": " + failure.getValue()));
    }
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  private static String separator(String header) {
    long columns = header.chars().filter(c -> c == '|').count() - 1;
    return "|" + "---|".repeat((int) columns);
  }
}
