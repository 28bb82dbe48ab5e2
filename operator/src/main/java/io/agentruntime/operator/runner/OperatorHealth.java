package io.agentruntime.operator.runner;

import io.javaoperatorsdk.operator.RuntimeInfo;
import java.util.Set;
import java.util.TreeSet;

/**
 * A snapshot of the operator's health as the probes see it.
 *
 * @param started whether the operator has started (controllers registered, informers synced)
 * @param unhealthyEventSources names of event sources (informers) that are not healthy, as {@code
 *     controller/event-source}
 */
public record OperatorHealth(boolean started, Set<String> unhealthyEventSources) {

  /** The health of an operator that has not finished starting. */
  public static final OperatorHealth STARTING = new OperatorHealth(false, Set.of());

  /** Copies the set so the snapshot cannot change after it was taken. */
  public OperatorHealth {
    unhealthyEventSources = Set.copyOf(unhealthyEventSources);
  }

  /** Takes a snapshot from JOSDK's runtime information. */
  public static OperatorHealth of(RuntimeInfo info) {
    var unhealthy = new TreeSet<String>();
    info.unhealthyEventSources()
        .forEach(
            (controller, sources) ->
                sources.keySet().forEach(source -> unhealthy.add(controller + "/" + source)));
    return new OperatorHealth(info.isStarted(), unhealthy);
  }

  /**
   * Whether the process is alive: only a started operator whose informers have failed is not (a
   * restart is then the cure). An operator still starting is alive.
   */
  public boolean live() {
    return !started || unhealthyEventSources.isEmpty();
  }

  /** Whether the operator is started and every informer is healthy. */
  public boolean ready() {
    return started && unhealthyEventSources.isEmpty();
  }

  /** A one-line description for the probe response body. */
  public String describe() {
    if (!started) {
      return "starting";
    }
    return unhealthyEventSources.isEmpty()
        ? "ok"
        : "unhealthy event sources: " + String.join(", ", unhealthyEventSources);
  }
}
