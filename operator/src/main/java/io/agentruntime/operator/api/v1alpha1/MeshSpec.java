package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Istio traffic policy of the runtime. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input = "{\"properties\": {\"allowedPrincipals\": {\"x-kubernetes-list-type\": \"set\"}}}")
public class MeshSpec {

  @Size(max = Durations.MAX_LENGTH)
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription(
      "Overall request timeout at the mesh. Default: the longest intent timeout plus 5s, at"
          + " least 30s, so the runtime's own 504 comes first; a request the mesh times out"
          + " counts against the pod in outlier detection.")
  private String timeout;

  @JsonPropertyDescription(
      "Mesh retries. Defaults never re-send a request that may have reached the runtime.")
  private RetrySpec retries;

  @JsonPropertyDescription("Connection limits and outlier detection.")
  private CircuitBreakerSpec circuitBreaker;

  @JsonPropertyDescription(
      "Mutual TLS mode of the runtime's workload: STRICT or PERMISSIVE. Default STRICT.")
  private MtlsMode mtls;

  @Size(max = 64)
  @JsonPropertyDescription(
      "SPIFFE principals of the workloads allowed to call the runtime's API, e.g."
          + " cluster.local/ns/web/sa/frontend. Empty: any workload the mesh admits.")
  private List<@Size(max = 256) String> allowedPrincipals;

  @JsonPropertyDescription(
      "JWT authentication of the runtime's callers: the mesh verifies the token, writes its"
          + " principal and groups claims to the headers the runtime reads, and refuses requests"
          + " to the API without a token of this issuer. Unset: no RequestAuthentication is"
          + " rendered.")
  private MeshAuthenticationSpec authentication;

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public RetrySpec getRetries() {
    return retries;
  }

  public void setRetries(RetrySpec retries) {
    this.retries = retries;
  }

  public CircuitBreakerSpec getCircuitBreaker() {
    return circuitBreaker;
  }

  public void setCircuitBreaker(CircuitBreakerSpec circuitBreaker) {
    this.circuitBreaker = circuitBreaker;
  }

  public MtlsMode getMtls() {
    return mtls;
  }

  public void setMtls(MtlsMode mtls) {
    this.mtls = mtls;
  }

  public List<String> getAllowedPrincipals() {
    return allowedPrincipals;
  }

  public void setAllowedPrincipals(List<String> allowedPrincipals) {
    this.allowedPrincipals = allowedPrincipals;
  }

  public MeshAuthenticationSpec getAuthentication() {
    return authentication;
  }

  public void setAuthentication(MeshAuthenticationSpec authentication) {
    this.authentication = authentication;
  }
}
