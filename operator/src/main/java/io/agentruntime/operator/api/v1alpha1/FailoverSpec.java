package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Multi-region locality failover. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input = "{\"properties\": {\"regions\": {\"x-kubernetes-list-type\": \"atomic\"}}}")
public class FailoverSpec {

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("Regions in order of preference, e.g. us-east-1, us-west-2.")
  private List<@Size(max = 32) String> regions;

  public List<String> getRegions() {
    return regions;
  }

  public void setRegions(List<String> regions) {
    this.regions = regions;
  }
}
