package io.agentruntime.cli.loadtest;

import java.time.Duration;

/**
 * One phase of a load test.
 *
 * @param requests how many requests to send; {@link Integer#MAX_VALUE} when {@code duration} bounds
 *     the stage instead
 * @param concurrency connections (workers) sending at once
 * @param ratePerSecond requests per second over all workers (open loop), or 0: each worker sends
 *     its next request as soon as the previous one was answered (closed loop)
 * @param duration how long the stage lasts at most, or {@link Duration#ZERO} for no bound
 * @param pauseBefore idle time before the stage starts
 */
record LoadStage(
    int requests, int concurrency, double ratePerSecond, Duration duration, Duration pauseBefore) {

  static LoadStage closedLoop(int requests, int concurrency) {
    return new LoadStage(requests, concurrency, 0, Duration.ZERO, Duration.ZERO);
  }

  boolean openLoop() {
    return ratePerSecond > 0;
  }

  LoadStage withPauseBefore(Duration pause) {
    return new LoadStage(requests, concurrency, ratePerSecond, duration, pause);
  }

  /** One line for reports, such as {@code 3000 requests, 10 concurrent, closed loop}. */
  String describe() {
    String amount =
        requests == Integer.MAX_VALUE
            ? "for " + DurationConverter.format(duration)
            : requests + " requests";
    String pacing =
        openLoop() ? String.format("%.4g req/s (open loop)", ratePerSecond) : "closed loop";
    return amount + ", " + concurrency + " concurrent, " + pacing;
  }
}
