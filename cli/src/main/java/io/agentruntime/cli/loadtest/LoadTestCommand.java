package io.agentruntime.cli.loadtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agent-runtime loadtest}: loads a URL and reports latencies, throughput and errors. */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Loads a URL (by default the local runtime's /dispatch) and reports the results.",
    description = {
      "Scenarios: baseline (3000 requests, 10 concurrent), ramp (1000 requests at each of 10, 25,"
          + " 50 and 100 concurrent, 5 s pauses), spike (5000 requests, 50 workers at 10 req/s"
          + " each). Without one, --requests, --concurrency, --rate and --duration shape the load.",
      "With --rate, requests are due at a fixed rate and latency runs from when each was due"
          + " (open loop); without it each worker sends as soon as its last answer came"
          + " (closed loop).",
      "With --stream, answers are read piece by piece as they arrive: the report adds the time to"
          + " the first piece (p50, p95, p99) and pieces per second, and counts a stream that ends"
          + " with an error or without its end event as a failed request, by reason."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (and p95 within --max-p95)",
      "1:p95 above --max-p95",
      "2:invalid options",
      "3:no request got an answer"
    })
public final class LoadTestCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int ABOVE_MAX_P95 = 1;
  static final int NO_ANSWER = 3;

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "SCENARIO",
      description = "baseline, ramp or spike; omit for a custom load")
  private Preset preset;

  @Mixin private TargetOptions target;

  @Option(names = "--requests", paramLabel = "N", description = "requests to send (default 3000)")
  private Integer requests;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "workers, each on its own connection (default 10)")
  private Integer concurrency;

  @Option(
      names = "--rate",
      paramLabel = "PER_SECOND",
      description = "open loop: requests per second over all workers")
  private Double rate;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "stop after this long (e.g. 30s); without --requests, run until then")
  private Duration duration;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "first send N requests, closed loop at the first stage's concurrency, and leave them out"
              + " of the results (connections opened, both JVMs warm); default: ${DEFAULT-VALUE}")
  private int warmup;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or markdown; default: ${DEFAULT-VALUE}")
  private ReportFormat format;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "also write the JSON report to FILE (for perf-regression)")
  private Path reportFile;

  @Option(
      names = "--max-p95",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "exit 1 when p95 is above this, e.g. 500ms (the CI gate)")
  private Duration maxP95;

  @Override
  public Integer call() throws Exception {
    List<LoadStage> stages = stages();
    LoadTarget loadTarget = target.toTarget(spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    List<LatencyRecorder> recorders = new ArrayList<>();
    List<LoadReport.StageReport> stageReports = new ArrayList<>();
    int connections = stages.stream().mapToInt(LoadStage::concurrency).max().orElseThrow();
    try (LoadGenerator generator = new LoadGenerator(loadTarget, connections)) {
      if (warmup > 0) {
        err.printf("warm-up: %d requests%n", warmup);
        generator.run(LoadStage.closedLoop(warmup, stages.get(0).concurrency()));
      }
      for (int i = 0; i < stages.size(); i++) {
        LoadStage stage = stages.get(i);
        err.printf("stage %d/%d: %s%n", i + 1, stages.size(), stage.describe());
        LatencyRecorder recorder = generator.run(stage);
        recorders.add(recorder);
        stageReports.add(new LoadReport.StageReport(stage.describe(), recorder.result()));
      }
    }
    LoadReport report =
        new LoadReport(
            preset == null ? "custom" : preset.name().toLowerCase(Locale.ROOT),
            loadTarget.method(),
            loadTarget.uri().toString(),
            stageReports,
            LatencyRecorder.total(recorders));
    spec.commandLine().getOut().print(format.render(report));
    spec.commandLine().getOut().flush();
    if (reportFile != null) {
      writeReport(report);
    }
    return verdict(report.total(), loadTarget, err);
  }

  private void writeReport(LoadReport report) throws IOException {
    Files.writeString(reportFile, ReportFormat.JSON.render(report));
  }

  private int verdict(LoadResult total, LoadTarget loadTarget, PrintWriter err) {
    if (total.answered() == 0) {
      err.printf(
          "no answer from %s: %d timeouts, %d connection errors%n",
          loadTarget.uri(), total.timeouts(), total.errors());
      return NO_ANSWER;
    }
    if (maxP95 == null) {
      return OK;
    }
    double limit = maxP95.toNanos() / 1e6;
    double p95 = total.latency().p95();
    boolean above = p95 > limit;
    err.printf(
        Locale.ROOT,
        "p95 %.2f ms is %s --max-p95 %s%n",
        p95,
        above ? "above" : "within",
        DurationConverter.format(maxP95));
    return above ? ABOVE_MAX_P95 : OK;
  }

  private List<LoadStage> stages() {
    if (warmup < 0) {
      throw usage("--warmup must be 0 or more, not " + warmup);
    }
    if (preset != null) {
      if (requests != null || concurrency != null || rate != null || duration != null) {
        throw usage(
            "--requests, --concurrency, --rate and --duration shape a custom load: drop them or"
                + " the scenario '"
                + preset.name().toLowerCase(Locale.ROOT)
                + "'");
      }
      return preset.stages();
    }
    int count = positive("--requests", requests, duration == null ? 3000 : Integer.MAX_VALUE);
    int workers = positive("--concurrency", concurrency, 10);
    if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
      throw usage("--rate must be a number of requests per second above 0, not " + rate);
    }
    return List.of(
        new LoadStage(
            count,
            workers,
            rate == null ? 0 : rate,
            duration == null ? Duration.ZERO : duration,
            Duration.ZERO));
  }

  private int positive(String option, Integer value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw usage(option + " must be at least 1, not " + value);
    }
    return value;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
