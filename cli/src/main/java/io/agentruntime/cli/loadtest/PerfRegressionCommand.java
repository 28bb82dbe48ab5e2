package io.agentruntime.cli.loadtest;

import io.agentruntime.contract.metrics.RuntimeMeter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code agent-runtime perf-regression}: compares a current p95 with a baseline p95, from
 * Prometheus or from two saved {@code loadtest} reports, and fails past a threshold.
 */
@Command(
    name = "perf-regression",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Fails when the p95 latency degraded past a threshold.",
    description = {
      "With --prometheus: the p95 of agent_dispatch_duration_seconds over the latest --window"
          + " against the p95 over --baseline (a duration), both ending now.",
      "With --current: the p95 of one saved loadtest JSON report (--report or -o json) against"
          + " another (--baseline FILE)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:within the threshold",
      "1:p95 degraded past the threshold",
      "2:invalid options",
      "3:no data: Prometheus could not be queried or has no samples, or a report is unusable"
    })
public final class PerfRegressionCommand implements Callable<Integer> {
  static final int WITHIN = 0;
  static final int REGRESSION = 1;
  static final int NO_DATA = 3;

  private static final String METRIC = RuntimeMeter.DISPATCH_DURATION.histogramSeries("bucket");

  @Spec private CommandSpec spec;

  @Option(names = "--prometheus", paramLabel = "URL", description = "Prometheus's base URL")
  private URI prometheus;

  @Option(
      names = "--current",
      paramLabel = "FILE",
      description = "the current loadtest JSON report")
  private Path currentReport;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description = "Prometheus: the latest window; default: ${DEFAULT-VALUE}")
  private Duration window;

  @Option(
      names = "--baseline",
      paramLabel = "DURATION|FILE",
      description = "Prometheus: the baseline window (default 24h); reports: the baseline report")
  private String baseline;

  @Option(
      names = "--selector",
      paramLabel = "LABELS",
      defaultValue = "",
      description = "Prometheus label matchers, e.g. '{namespace=\"agents\"}'")
  private String selector;

  @Option(
      names = "--threshold",
      paramLabel = "PERCENT",
      defaultValue = "20%",
      converter = PercentConverter.class,
      description = "the largest tolerated p95 increase; default: ${DEFAULT-VALUE}")
  private double threshold;

  @Override
  public Integer call() throws InterruptedException {
    if ((prometheus == null) == (currentReport == null)) {
      throw usage("give either --prometheus URL or --current FILE --baseline FILE");
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      RegressionVerdict verdict = prometheus != null ? fromPrometheus() : fromReports();
      spec.commandLine().getOut().print(verdict.render());
      spec.commandLine().getOut().flush();
      return verdict.regressed() ? REGRESSION : WITHIN;
    } catch (NoDataException e) {
      err.println("no data: " + e.getMessage());
      return NO_DATA;
    }
  }

  private RegressionVerdict fromPrometheus() throws NoDataException, InterruptedException {
    Duration baselineWindow =
        baseline == null ? Duration.ofHours(24) : durationOption("--baseline", baseline);
    String current = "latest " + DurationConverter.format(window);
    String reference = "baseline " + DurationConverter.format(baselineWindow);
    try (PrometheusQuery query = new PrometheusQuery(prometheus)) {
      double currentMillis = p95(query, window, current);
      double baselineMillis = p95(query, baselineWindow, reference);
      return new RegressionVerdict(current, currentMillis, reference, baselineMillis, threshold);
    }
  }

  private double p95(PrometheusQuery query, Duration range, String label)
      throws NoDataException, InterruptedException {
    String promql =
        String.format(
            Locale.ROOT,
            "histogram_quantile(0.95, sum(rate(%s%s[%s])) by (le))",
            METRIC,
            matchers(),
            DurationConverter.format(range));
    OptionalDouble seconds;
    try {
      seconds = query.scalar(promql);
    } catch (PrometheusQuery.PrometheusException e) {
      throw new NoDataException(e.getMessage());
    }
    if (seconds.isEmpty() || seconds.getAsDouble() <= 0) {
      throw new NoDataException(
          "Prometheus at "
              + prometheus
              + " has no "
              + METRIC
              + " samples for the "
              + label
              + " window (query: "
              + promql
              + ")");
    }
    return seconds.getAsDouble() * 1000;
  }

  private String matchers() {
    String trimmed = selector.trim();
    if (trimmed.isEmpty() || trimmed.startsWith("{")) {
      return trimmed;
    }
    return "{" + trimmed + "}";
  }

  private RegressionVerdict fromReports() throws NoDataException {
    if (baseline == null) {
      throw usage("--current needs --baseline FILE, the report to compare with");
    }
    double current = reportP95(currentReport, "--current");
    double reference = reportP95(Path.of(baseline), "--baseline");
    return new RegressionVerdict(
        "current " + currentReport, current, "baseline " + baseline, reference, threshold);
  }

  private double reportP95(Path file, String option) throws NoDataException {
    LoadReport report;
    try {
      report = LoadReport.parse(Files.readString(file));
    } catch (IOException e) {
      throw usage(option + " '" + file + "' cannot be read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage(option + " '" + file + "' is not a loadtest JSON report: " + e.getMessage());
    }
    if (report.total().answered() == 0) {
      throw new NoDataException(option + " '" + file + "' has no answered request, so no p95");
    }
    return report.total().latency().p95();
  }

  private Duration durationOption(String option, String value) {
    try {
      return new DurationConverter().convert(value);
    } catch (RuntimeException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Nothing to compare: the reason goes to standard error, and the exit code is 3. */
  private static final class NoDataException extends Exception {
    NoDataException(String message) {
      super(message);
    }
  }
}
