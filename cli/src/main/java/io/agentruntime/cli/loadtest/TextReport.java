package io.agentruntime.cli.loadtest;

import static io.agentruntime.cli.loadtest.ReportFormat.millis;
import static io.agentruntime.cli.loadtest.ReportFormat.percent;
import static io.agentruntime.cli.loadtest.ReportFormat.rate;

import java.util.Locale;
import java.util.Map;

/**
 * The original "Load Test Results" layout: configuration, latency, throughput, errors; for streamed
 * answers, time to first piece and pieces per second beside the latency.
 */
final class TextReport {
  private final StringBuilder text = new StringBuilder();

  private TextReport() {}

  static String render(LoadReport report) {
    TextReport out = new TextReport();
    out.line("Load Test Results");
    out.line("=================");
    out.section("Configuration");
    out.field("Scenario", report.scenario());
    out.field("Target", report.method() + " " + report.url());
    for (int i = 0; i < report.stages().size(); i++) {
      String label = report.stages().size() == 1 ? "Load" : "Stage " + (i + 1);
      out.field(label, report.stages().get(i).description());
    }
    if (report.stages().size() > 1) {
      out.stages(report);
    }
    out.results(report.total());
    return out.text.toString();
  }

  private void stages(LoadReport report) {
    section("Stages");
    line(
        String.format(
            Locale.ROOT,
            "  %-6s %10s %10s %10s %10s %10s %9s",
            "stage",
            "req/s",
            "avg ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "success"));
    for (int i = 0; i < report.stages().size(); i++) {
      LoadResult result = report.stages().get(i).result();
      LoadResult.Latency latency = result.latency();
      line(
          String.format(
              Locale.ROOT,
              "  %-6d %10.1f %10.2f %10.2f %10.2f %10.2f %8.2f%%",
              i + 1,
              result.requestsPerSecond(),
              latency.average(),
              latency.p95(),
              latency.p99(),
              latency.max(),
              result.successRate() * 100));
    }
  }

  private void results(LoadResult result) {
    LoadResult.Latency latency = result.latency();
    section("Latency");
    field("Average", millis(latency.average()));
    field("p50", millis(latency.p50()));
    field("p95", millis(latency.p95()));
    field("p99", millis(latency.p99()));
    field("Max", millis(latency.max()));
    if (result.streaming() != null) {
      streaming(result.streaming());
    }
    section("Throughput");
    field("Requests/s", rate(result.requestsPerSecond()));
    field(
        "Total",
        String.format(Locale.ROOT, "%d requests in %.2f s", result.requests(), result.seconds()));
    field("Success rate", percent(result.successRate()));
    section("Errors");
    field("4xx", Long.toString(result.status4xx()));
    field("5xx", Long.toString(result.status5xx()));
    field("Timeouts", Long.toString(result.timeouts()));
    field("Connection errors", Long.toString(result.errors()));
  }

  private void streaming(LoadResult.Streaming streaming) {
    LoadResult.Latency first = streaming.timeToFirstPiece();
    section("Streaming");
    field("First piece p50", millis(first.p50()));
    field("First piece p95", millis(first.p95()));
    field("First piece p99", millis(first.p99()));
    field("Pieces", Long.toString(streaming.pieces()));
    field("Pieces/s", rate(streaming.piecesPerSecond()));
    field("Pieces/s per stream", rate(streaming.piecesPerSecondPerStream()));
    field("Failed streams", Long.toString(streaming.failed()));
    streaming.failures().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(failure -> line("    " + failure.getKey() + ": " + failure.getValue()));
  }

  private void section(String title) {
    text.append(System.lineSeparator()).append(title).append(System.lineSeparator());
  }

  private void field(String name, String value) {
    line(String.format(Locale.ROOT, "  %-19s %s", name + ":", value));
  }

  private void line(String value) {
    text.append(value).append(System.lineSeparator());
  }
}
