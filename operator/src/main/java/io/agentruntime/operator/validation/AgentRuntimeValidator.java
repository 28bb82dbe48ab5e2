package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an AgentRuntime before anything is rendered or applied, for what its CRD schema cannot
 * say: rules across fields, and a few limits of the objects rendered from it (derived names,
 * Istio's shortest duration). The schema (with its CEL rules) refuses everything else at {@code
 * kubectl apply}, and the {@code render} command checks its input against it first, so each bound
 * is stated once.
 */
public final class AgentRuntimeValidator {

  /**
   * Longest name whose derived object names ({@code <n>-inference}, {@code <n>-model-cache}) still
   * fit a 63-character DNS label.
   */
  static final int MAX_NAME_LENGTH = 51;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private AgentRuntimeValidator() {}

  /** Every problem found in {@code cr}, in spec order; empty when it is valid. */
  public static List<ValidationError> validate(AgentRuntime cr) {
    FieldChecks checks = new FieldChecks();
    checkName(cr, checks);
    AgentRuntimeSpec spec = cr.getSpec();
    if (spec != null) {
      WorkloadRules.check(spec, checks);
      IntentRules.check(spec, checks);
      McpServerRules.check(spec, checks);
      GovernanceRules.check(spec.getGovernance(), checks);
      InferenceRules.check(spec.getInference(), checks);
      MeshRules.check(spec.getMesh(), checks);
      OperationsRules.check(spec, checks);
    }
    return checks.errors();
  }

  private static void checkName(AgentRuntime cr, FieldChecks checks) {
    String name = cr.getMetadata() == null ? null : cr.getMetadata().getName();
    if (!checks.required("metadata.name", name)) {
      return;
    }
    if (!DNS_LABEL.matcher(name).matches()) {
      checks.fail(
          "metadata.name",
          "'" + name + "' must start with a letter and hold only lower-case letters, digits and -");
    } else if (name.length() > MAX_NAME_LENGTH) {
      checks.fail(
          "metadata.name",
          "must be at most "
              + MAX_NAME_LENGTH
              + " characters so derived names fit, got "
              + name.length());
    }
  }
}
