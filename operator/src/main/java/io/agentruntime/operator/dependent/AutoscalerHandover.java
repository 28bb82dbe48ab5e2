package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.ManagedKind;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Which autoscaler drives a Deployment KEDA may scale (the model servers', the workers'), and when
 * the other one may take over: the operator's HorizontalPodAutoscaler where KEDA is not installed,
 * KEDA's ScaledObject where it is.
 *
 * <p>Two autoscalers must never target the Deployment at once, and KEDA's admission webhook refuses
 * a ScaledObject while another HPA targets it. So a switch is made in two steps: the old autoscaler
 * is deleted, and the new one is created only once the old one is gone. From HPA to KEDA, the HPA
 * is in the operator's informer and its deletion reconciles the AgentRuntime. From KEDA back to an
 * HPA (KEDA uninstalled: its ScaledObjects go with the CRD), the HPA KEDA made ({@link
 * ResourceNames#kedaInferenceHpa}) still exists until the garbage collector removes it; it carries
 * no label of the operator, so it is read by name, only while the operator's HPA is yet to be made,
 * and the AgentRuntime is looked at again every {@link #RECHECK} meanwhile.
 */
public final class AutoscalerHandover {

  /** How often a pending handover to the operator's HPA is looked at. */
  public static final Duration RECHECK = Duration.ofSeconds(5);

  /** A Deployment scaled by the operator's HPA or by KEDA. */
  enum Scaled {
    /** The model servers. */
    INFERENCE(ManagedKind.INFERENCE_HPA, ResourceNames::kedaInferenceHpa),
    /** The workers. */
    WORKER(ManagedKind.WORKER_HPA, ResourceNames::kedaWorkerHpa);

    private final ManagedKind hpa;
    private final Function<AgentRuntime, String> kedaHpa;

    Scaled(ManagedKind hpa, Function<AgentRuntime, String> kedaHpa) {
      this.hpa = hpa;
      this.kedaHpa = kedaHpa;
    }
  }

  private AutoscalerHandover() {}

  /**
   * Whether KEDA's ScaledObject, wanted by the spec, may be created: the operator's HPA is gone.
   */
  static boolean scaledObjectMayApply(
      Scaled scaled, AgentRuntime cr, Context<AgentRuntime> context) {
    return !operatorHpaExists(scaled, cr, context);
  }

  /**
   * Whether the operator's HPA, wanted by the spec (no KEDA), may be created: it exists already, or
   * the HPA KEDA made, if any, is gone.
   */
  static boolean hpaMayApply(Scaled scaled, AgentRuntime cr, Context<AgentRuntime> context) {
    return operatorHpaExists(scaled, cr, context) || !kedaHpaExists(scaled, cr, context);
  }

  /**
   * Whether a Deployment waits for the HPA KEDA made to go before the operator's HPA is created;
   * such a wait has no event that ends it.
   */
  public static boolean waitingForKedaHpa(AgentRuntime cr, Context<AgentRuntime> context) {
    var spec = WorkflowInputs.effectiveSpec(context);
    var addOns = WorkflowInputs.of(context).installedAddOns(context);
    return Arrays.stream(Scaled.values())
        .anyMatch(
            scaled -> scaled.hpa.wantedBy(cr, spec, addOns) && !hpaMayApply(scaled, cr, context));
  }

  /** The operator's HPA, as its informer sees it (being deleted included). */
  private static boolean operatorHpaExists(
      Scaled scaled, AgentRuntime cr, Context<AgentRuntime> context) {
    var name = scaled.hpa.name(cr);
    return context
        .getSecondaryResourcesAsStream(HorizontalPodAutoscaler.class)
        .anyMatch(hpa -> name.equals(hpa.getMetadata().getName()));
  }

  private static boolean kedaHpaExists(
      Scaled scaled, AgentRuntime cr, Context<AgentRuntime> context) {
    return context
            .getClient()
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(cr.getMetadata().getNamespace())
            .withName(scaled.kedaHpa.apply(cr))
            .get()
        != null;
  }
}
