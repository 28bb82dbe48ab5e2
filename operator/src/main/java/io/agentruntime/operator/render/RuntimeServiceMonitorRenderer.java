package io.agentruntime.operator.render;

import io.agentruntime.operator.addon.ServiceMonitor;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import java.util.List;
import java.util.Map;

/**
 * prometheus-operator's ServiceMonitor {@code <n>}: Prometheus scrapes {@code /metrics} of every
 * runtime pod behind the Service {@code <n>} every {@value #INTERVAL}. Its targets carry the {@code
 * namespace} and {@code service} labels the runtime's alerts and dashboard select on.
 */
public final class RuntimeServiceMonitorRenderer {

  /** How often each runtime pod is scraped. */
  public static final String INTERVAL = "15s";

  /** Where the runtime serves its metrics. */
  public static final String METRICS_PATH = "/metrics";

  private RuntimeServiceMonitorRenderer() {}

  /** The ServiceMonitor of {@code cr}'s runtime Service. */
  public static ServiceMonitor render(AgentRuntime cr) {
    Map<String, Object> endpoint =
        OrderedFields.of(
            "port", ResourceNames.MANAGEMENT_PORT_NAME, "path", METRICS_PATH, "interval", INTERVAL);
    ServiceMonitor monitor = new ServiceMonitor();
    monitor.setMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME));
    monitor.setSpec(
        OrderedFields.of(
            "selector",
            OrderedFields.of("matchLabels", Labels.selector(cr, Component.RUNTIME)),
            "endpoints",
            List.of(endpoint)));
    return monitor;
  }
}
