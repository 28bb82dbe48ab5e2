package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.ServiceMonitor;

/**
 * prometheus-operator's ServiceMonitor CRD exists: Prometheus can be told to scrape the runtime.
 */
public final class ServiceMonitorCrdInstalled extends CrdInstalled<ServiceMonitor> {

  /** The CRD of prometheus-operator's ServiceMonitors. */
  public static final String CRD = "servicemonitors.monitoring.coreos.com";

  /** Creates the condition; JOSDK instantiates one per dependent. */
  public ServiceMonitorCrdInstalled() {
    super(CRD);
  }
}
