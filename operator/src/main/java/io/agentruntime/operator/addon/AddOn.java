package io.agentruntime.operator.addon;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
    return owning(group)
        .orElseThrow(() -> new IllegalArgumentException("no add-on owns the API group " + group));
  }

  /** The add-on whose CRD defines {@code kind}; empty for a kind Kubernetes itself serves. */
  public static Optional<AddOn> of(Class<? extends HasMetadata> kind) {
    return owning(HasMetadata.getGroup(kind));
  }

  /**
   * The add-on called {@code name} on the command line, e.g. {@code keda} or {@code
   * prometheus-operator}; empty for an unknown name.
   */
  public static Optional<AddOn> named(String name) {
    return Arrays.stream(values()).filter(addOn -> addOn.optionName().equals(name)).findFirst();
  }

  private static Optional<AddOn> owning(String group) {
    return Arrays.stream(values()).filter(addOn -> addOn.groups.contains(group)).findFirst();
  }

  /** The add-on's name as users know it, e.g. {@code prometheus-operator}. */
  public String displayName() {
    return displayName;
  }

  /** The add-on's name in {@code render --addons}: its name in lower case, e.g. {@code keda}. */
  public String optionName() {
    return displayName.toLowerCase(Locale.ROOT);
  }

  /** The API groups of the add-on's kinds, in the order its kinds are reported. */
  public List<String> groups() {
    return groups;
  }

  /** Which releases serve the versions the operator writes, e.g. {@code Istio 1.22 or newer}. */
  public String releases() {
    return releases;
  }

  /**
   * The first part of the condition reason of a CRD of this add-on the operator cannot use, e.g.
   * {@code Istio} in {@code IstioVersionUnsupported}.
   */
  public String reasonPrefix() {
    return reasonPrefix;
  }
}
