package io.agentruntime.cli.loadtest;

import java.util.Locale;

/**
 * A current p95 against a baseline p95.
 *
 * @param current what the current p95 covers, such as {@code latest 1h}
 * @param currentP95Millis the current p95
 * @param baseline what the baseline p95 covers
 * @param baselineP95Millis the baseline p95, above 0
 * @param threshold the largest tolerated increase, as a fraction (0.2 for 20 %)
 */
record RegressionVerdict(
    String current,
    double currentP95Millis,
    String baseline,
    double baselineP95Millis,
    double threshold) {

  /** The relative change, +0.25 for a p95 25 % above the baseline's. */
  double change() {
    return currentP95Millis / baselineP95Millis - 1;
  }

  boolean regressed() {
    return change() > threshold;
  }

  String render() {
    int width = Math.max(current.length(), baseline.length()) + 5;
    String format = "%-" + width + "s %10.2f ms%n";
    return String.format(Locale.ROOT, format, "p95 " + current + ":", currentP95Millis)
        + String.format(Locale.ROOT, format, "p95 " + baseline + ":", baselineP95Millis)
        + String.format(
            Locale.ROOT,
            "change: %+.1f %% (threshold +%.1f %%): %s%n",
            change() * 100,
            threshold * 100,
            regressed() ? "REGRESSION" : "ok");
  }
}
