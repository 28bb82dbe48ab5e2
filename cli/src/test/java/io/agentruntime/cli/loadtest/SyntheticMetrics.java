package io.agentruntime.cli.loadtest;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;

/**
 * Answers {@code GET /metrics} (served by a {@link LoopbackServer}) with a synthetic {@code
 * agent_dispatch_duration_seconds} histogram, as a runtime under steady traffic would: 1000
 * dispatches a second of 8 ms until {@link #slowDown}, then 10 a second of 80 ms. Counters follow
 * the clock, so every scrape sees them grow.
 */
final class SyntheticMetrics implements LoopbackServer.Responder {
  private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25};
  private static final double FAST_RATE = 1000;
  private static final double FAST_SECONDS = 0.008;
  private static final double SLOW_RATE = 10;
  private static final double SLOW_SECONDS = 0.08;

  private final long start = System.nanoTime();
  private volatile long slowSince = Long.MAX_VALUE;

  @Override
  public void respond(HttpServerRequest request, long arrival) {
    request.response().putHeader("content-type", "text/plain; version=0.0.4").end(exposition());
  }

  /** From now on, dispatches are ten times slower (and rarer). */
  void slowDown() {
    slowSince = System.nanoTime();
  }

  private String exposition() {
    long now = System.nanoTime();
    long switchAt = Math.min(now, slowSince);
    long fast = (long) (FAST_RATE * (switchAt - start) / 1e9);
    long slow = (long) (SLOW_RATE * Math.max(0, now - switchAt) / 1e9);
    String labels = "intent=\"call_reasoning\",outcome=\"allowed\"";
    StringBuilder text = new StringBuilder("# TYPE agent_dispatch_duration_seconds histogram\n");
    for (double bound : BOUNDS) {
      long count = (FAST_SECONDS <= bound ? fast : 0) + (SLOW_SECONDS <= bound ? slow : 0);
      text.append(
          String.format(
              Locale.ROOT,
              "agent_dispatch_duration_seconds_bucket{%s,le=\"%s\"} %d%n",
              labels,
              bound,
              count));
    }
    text.append(
            String.format(
                Locale.ROOT,
                "agent_dispatch_duration_seconds_bucket{%s,le=\"+Inf\"} %d%n",
                labels,
                fast + slow))
        .append(
            String.format(
                Locale.ROOT,
                "agent_dispatch_duration_seconds_sum{%s} %f%n",
                labels,
                fast * FAST_SECONDS + slow * SLOW_SECONDS))
        .append(
            String.format(
                Locale.ROOT,
                "agent_dispatch_duration_seconds_count{%s} %d%n",
                labels,
                fast + slow));
    return text.toString();
  }
}
