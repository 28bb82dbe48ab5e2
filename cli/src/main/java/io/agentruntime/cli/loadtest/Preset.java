package io.agentruntime.cli.loadtest;

import java.time.Duration;
import java.util.List;

/** The original system's load-test scenarios. */
enum Preset {
  /** The original load test: 3000 requests, 10 at a time. */
  BASELINE(List.of(LoadStage.closedLoop(3000, 10))),

  /** 1000 requests at each of 10, 25, 50 and 100 concurrent, with a pause between steps. */
  RAMP(
      List.of(
          LoadStage.closedLoop(1000, 10),
          LoadStage.closedLoop(1000, 25).withPauseBefore(rampPause()),
          LoadStage.closedLoop(1000, 50).withPauseBefore(rampPause()),
          LoadStage.closedLoop(1000, 100).withPauseBefore(rampPause()))),

  /** 5000 requests from 50 workers at 10 req/s each, scheduled at a fixed rate. */
  SPIKE(List.of(new LoadStage(5000, 50, 500, Duration.ZERO, Duration.ZERO)));

  private final List<LoadStage> stages;

  Preset(List<LoadStage> stages) {
    this.stages = stages;
  }

  List<LoadStage> stages() {
    return stages;
  }

  /**
   * Lets the runtime settle (pools, GC) so each step starts from a quiet state. A method, not a
   * constant: enum constants are built before the enum's static fields.
   */
  private static Duration rampPause() {
    return Duration.ofSeconds(5);
  }
}
