package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.PrometheusRule;

/** prometheus-operator's PrometheusRule CRD exists: the runtime's alerts can be loaded. */
public final class PrometheusRuleCrdInstalled extends CrdInstalled<PrometheusRule> {

  /** The CRD of prometheus-operator's PrometheusRules. */
  public static final String CRD = "prometheusrules.monitoring.coreos.com";

  /** Creates the condition; JOSDK instantiates one per dependent. */
  public PrometheusRuleCrdInstalled() {
    super(CRD);
  }
}
