package io.agentruntime.operator.addon;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * prometheus-operator's PrometheusRule (monitoring.coreos.com/v1): alerting and recording rules
 * Prometheus loads.
 */
@Group("monitoring.coreos.com")
@Version("v1")
@Kind("PrometheusRule")
@Plural("prometheusrules")
public class PrometheusRule extends FreeFormResource implements Namespaced {}
