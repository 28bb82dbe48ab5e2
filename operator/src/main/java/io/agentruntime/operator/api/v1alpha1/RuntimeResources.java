package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.QuantitySchema;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/**
 * Compute resources of a container (the runtime's, or the model server's besides its GPUs):
 * requests and limits of CPU, memory and ephemeral storage, with the Kubernetes quantity syntax.
 * The API server refuses a request above its limit, so the CRD does too; extended resources (GPUs)
 * come from {@code spec.inference.gpu}, never from here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input =
        "{\"properties\": {\"requests\": {\"additionalProperties\": "
            + QuantitySchema.SCHEMA
            + "}, \"limits\": {\"additionalProperties\": "
            + QuantitySchema.SCHEMA
            + "}}}")
@ValidationRule(
    value =
        RuntimeResources.BOTH_GIVEN
            + "!('cpu' in self.requests) || !('cpu' in self.limits)"
            + " || quantity(self.requests['cpu'])"
            + ".compareTo(quantity(self.limits['cpu'])) <= 0",
    message = "requests.cpu must not exceed limits.cpu")
@ValidationRule(
    value =
        RuntimeResources.BOTH_GIVEN
            + "!('memory' in self.requests) || !('memory' in self.limits)"
            + " || quantity(self.requests['memory'])"
            + ".compareTo(quantity(self.limits['memory'])) <= 0",
    message = "requests.memory must not exceed limits.memory")
@ValidationRule(
    value =
        RuntimeResources.BOTH_GIVEN
            + "!('ephemeral-storage' in self.requests) || !('ephemeral-storage' in self.limits)"
            + " || quantity(self.requests['ephemeral-storage'])"
            + ".compareTo(quantity(self.limits['ephemeral-storage'])) <= 0",
    message = "requests.ephemeral-storage must not exceed limits.ephemeral-storage")
public class RuntimeResources {

  /** The resource names a runtime container may ask for. */
  static final String NAMES_RULE = "self.all(name, name in ['cpu', 'memory', 'ephemeral-storage'])";

  static final String NAMES_MESSAGE =
      "only cpu, memory and ephemeral-storage: extended resources such as GPUs belong to"
          + " spec.inference";

  /**
   * The start of the rules that a request is at most its limit, where both are given: Kubernetes'
   * quantity library (in CRD rules since Kubernetes 1.28) compares them.
   */
  static final String BOTH_GIVEN = "!has(self.requests) || !has(self.limits) || ";

  @Size(max = 3)
  @ValidationRule(value = NAMES_RULE, message = NAMES_MESSAGE)
  @JsonPropertyDescription(
      "Resources the runtime container is guaranteed, e.g. {cpu: 250m, memory: 512Mi}.")
  private Map<String, Quantity> requests;

  @Size(max = 3)
  @ValidationRule(value = NAMES_RULE, message = NAMES_MESSAGE)
  @JsonPropertyDescription(
      "Most resources the runtime container may use, e.g. {cpu: \"2\", memory: 4Gi}; each at"
          + " least its request.")
  private Map<String, Quantity> limits;

  public Map<String, Quantity> getRequests() {
    return requests;
  }

  public void setRequests(Map<String, Quantity> requests) {
    this.requests = requests;
  }

  public Map<String, Quantity> getLimits() {
    return limits;
  }

  public void setLimits(Map<String, Quantity> limits) {
    this.limits = limits;
  }
}
