package io.agentruntime.operator.status;

import io.agentruntime.operator.addon.AddOn;
import java.util.List;

/**
 * What a cluster holds of the CustomResourceDefinition of an add-on kind the operator applies. The
 * operator uses the kind only when the CRD serves the version it writes and is Established; an
 * older add-on has the CRD without that version, and every request for the kind would fail with
 * 404.
 *
 * @param kind the kind, e.g. {@code DestinationRule}
 * @param crd the CRD's name, e.g. {@code destinationrules.networking.istio.io}
 * @param version the version the operator writes, e.g. {@code v1}
 * @param state whether the operator can use it, and if not why
 * @param servedVersions the versions the CRD serves; empty when it does not exist
 */
public record AddOnCrd(
    String kind, String crd, String version, State state, List<String> servedVersions) {

  /** Whether, and why not, the operator can use a CRD. */
  public enum State {
    /** Serves the version the operator writes and is Established. */
    USABLE,
    /** No such CRD: the add-on is not installed. */
    MISSING,
    /** Serves the version but the API server does not serve it yet (or its names conflict). */
    NOT_ESTABLISHED,
    /** Exists without serving the version the operator writes: an older add-on. */
    VERSION_NOT_SERVED
  }

  /** Copies the served versions. */
  public AddOnCrd {
    servedVersions = List.copyOf(servedVersions);
  }

  /** Whether the operator applies the kind. */
  public boolean usable() {
    return state == State.USABLE;
  }

  /** The add-on the kind belongs to. */
  public AddOn addOn() {
    return AddOn.ofGroup(crd.substring(crd.indexOf('.') + 1));
  }

  /**
   * The condition reason when the operator cannot use the CRD, e.g. {@code
   * IstioVersionUnsupported}: {@code <AddOn>NotInstalled}, {@code <AddOn>NotEstablished} or {@code
   * <AddOn>VersionUnsupported}.
   */
  public String reason() {
    return addOn().reasonPrefix()
        + switch (state) {
          case MISSING -> "NotInstalled";
          case NOT_ESTABLISHED -> "NotEstablished";
          case VERSION_NOT_SERVED -> "VersionUnsupported";
          case USABLE ->
              throw new IllegalArgumentException("a usable CRD has no problem to report");
        };
  }

  /**
   * What is wrong with the CRD, e.g. {@code destinationrules.networking.istio.io serves v1alpha3,
   * v1beta1 but not v1 (Istio 1.22 or newer)}.
   */
  public String problem() {
    return switch (state) {
      case USABLE -> crd + " serves " + version;
      case MISSING -> "no CustomResourceDefinition " + crd;
      case NOT_ESTABLISHED -> crd + " is not Established yet";
      case VERSION_NOT_SERVED ->
          crd
              + " serves "
              + (servedVersions.isEmpty() ? "no version" : String.join(", ", servedVersions))
              + " but not "
              + version
              + ", which the operator writes ("
              + addOn().releases()
              + ")";
    };
  }
}
