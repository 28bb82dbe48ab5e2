package io.agentruntime.cli.loadtest;

import java.util.Locale;

/** The {@code -o} formats of a load test report. */
enum ReportFormat {
  /** The original "Load Test Results" layout, for a terminal. */
  TEXT,
  /** Machine-readable; what {@code perf-regression --current/--baseline} reads. */
  JSON,
  /** Tables for a pull request or a job summary. */
  MARKDOWN;

  String render(LoadReport report) {
    return switch (this) {
      case TEXT -> TextReport.render(report);
      case JSON -> report.toJson().encodePrettily() + System.lineSeparator();
      case MARKDOWN -> MarkdownReport.render(report);
    };
  }

  static String millis(double value) {
    return String.format(Locale.ROOT, "%.2f ms", value);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f", perSecond);
  }
}
