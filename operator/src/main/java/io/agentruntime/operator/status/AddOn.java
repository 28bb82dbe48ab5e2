package io.agentruntime.operator.status;

import java.util.Arrays;
import java.util.List;

/**
 * The optional add-ons whose kinds the operator applies, told apart by their kinds' API groups,
 * with the releases that serve the versions it writes and the condition reasons of an add-on it
 * cannot use.
 */
public enum AddOn {
  /** networking.istio.io/v1 and security.istio.io/v1. */
  ISTIO("Istio", "Istio", "Istio 1.22 or newer", "networking.istio.io", "security.istio.io"),
  /** karpenter.sh/v1. */
  KARPENTER("Karpenter", "Karpenter", "Karpenter 1.0 or newer", "karpenter.sh"),
  /** keda.sh/v1alpha1. */
  KEDA("KEDA", "Keda", "KEDA 2.0 or newer", "keda.sh"),
  /** monitoring.coreos.com/v1. */
  PROMETHEUS_OPERATOR(
      "prometheus-operator",
      "PrometheusOperator",
      "any prometheus-operator release of the last years",
      "monitoring.coreos.com");

  private final String displayName;
  private final String reasonPrefix;
  private final String releases;
  private final List<String> groups;

  AddOn(String displayName, String reasonPrefix, String releases, String... groups) {
    this.displayName = displayName;
    this.reasonPrefix = reasonPrefix;
    this.releases = releases;
    this.groups = List.of(groups);
  }

  /** The add-on whose kinds are in {@code group}. */
  public static AddOn ofGroup(String group) {
    return Arrays.stream(values())
        .filter(addOn -> addOn.groups.contains(group))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no add-on owns the API group " + group));
  }

  /** The add-on's name as users know it, e.g. {@code prometheus-operator}. */
  public String displayName() {
    return displayName;
  }

  /** Which releases serve the versions the operator writes, e.g. {@code Istio 1.22 or newer}. */
  public String releases() {
    return releases;
  }

  /**
   * The condition reason of a CRD of this add-on the operator cannot use, e.g. {@code
   * IstioVersionUnsupported}: {@code <AddOn>NotInstalled}, {@code <AddOn>NotEstablished} or {@code
   * <AddOn>VersionUnsupported}.
   */
  public String reason(AddOnCrd.State state) {
    return reasonPrefix
        + switch (state) {
          case MISSING -> "NotInstalled";
          case NOT_ESTABLISHED -> "NotEstablished";
          case VERSION_NOT_SERVED -> "VersionUnsupported";
          case USABLE ->
              throw new IllegalArgumentException("a usable CRD has no problem to report");
        };
  }
}
