package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;
import java.time.Duration;

/**
 * Activation condition of the Istio dependents: the CustomResourceDefinition of the dependent's
 * kind exists. Until it does, the dependent is skipped and no informer watches its kind, so the
 * operator runs without Istio.
 *
 * <p>JOSDK remembers a found CRD for the life of the process. A missing one is looked up again
 * during a reconciliation at most once per {@link #CHECK_INTERVAL}, with no limit on the number of
 * lookups (JOSDK's default gives up after ten), so installing Istio later takes effect without
 * restarting the operator.
 *
 * @param <R> the Istio kind
 */
public final class IstioInstalled<R extends HasMetadata>
    extends CRDPresentActivationCondition<R, AgentRuntime> {

  /** The least time between two lookups of a missing CRD. */
  public static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);

  /** Creates the condition; JOSDK instantiates one per dependent. */
  public IstioInstalled() {
    super(Integer.MAX_VALUE, CHECK_INTERVAL);
  }
}
