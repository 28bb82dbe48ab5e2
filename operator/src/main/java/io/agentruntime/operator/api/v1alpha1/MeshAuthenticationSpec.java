package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * How the mesh authenticates the runtime's callers: the JWT a request must carry, and which of its
 * claims name the caller and the caller's groups.
 *
 * <p>The operator renders a RequestAuthentication that verifies the token and writes the principal
 * claim to the header {@code x-agent-principal} and, with {@code groupsClaim}, the groups claim to
 * {@code x-agent-groups}. Istio removes any value a client sent in those headers, even from a token
 * without the claim, so they only ever carry what a verified token says; the runtime's
 * configuration then names the groups header ({@code identity.groupsHeader}), and nothing else
 * does. The AuthorizationPolicy admits no request to the API port without a token of this issuer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input = "{\"properties\": {\"audiences\": {\"x-kubernetes-list-type\": \"set\"}}}")
public class MeshAuthenticationSpec {

  /** A claim name: no whitespace or commas. */
  static final String CLAIM_PATTERN = "^[^\\s,]+$";

  @Required
  @Size(min = 1, max = 512)
  @Pattern("^\\S+$")
  @JsonPropertyDescription(
      "The token issuer, exactly as the tokens' iss claim says it, e.g. https://auth.example.com/.")
  private String issuer;

  @Required
  @Size(max = 2048)
  @Pattern("^https://\\S+$")
  @JsonPropertyDescription(
      "Where the issuer publishes its signing keys (JWKS), over https, e.g."
          + " https://auth.example.com/.well-known/jwks.json.")
  private String jwksUri;

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription(
      "Audiences a token must name in its aud claim, e.g. agent-runtime; a token issued for"
          + " another service is refused.")
  private List<@Size(min = 1, max = 256) String> audiences;

  @Size(max = 256)
  @Pattern(CLAIM_PATTERN)
  @JsonPropertyDescription(
      "The claim naming the caller, the Cedar principal User::\"<value>\". Default sub.")
  private String principalClaim;

  @Size(max = 256)
  @Pattern(CLAIM_PATTERN)
  @JsonPropertyDescription(
      "The claim holding the caller's groups (Group::\"<name>\" parents in Cedar), e.g."
          + " agent_groups. Istio copies only string, integer and boolean claims: the claim must"
          + " be one string of comma-separated group names (an identity provider's array claim"
          + " needs a mapper that writes it that way). Unset: callers have no groups.")
  private String groupsClaim;

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public String getJwksUri() {
    return jwksUri;
  }

  public void setJwksUri(String jwksUri) {
    this.jwksUri = jwksUri;
  }

  public List<String> getAudiences() {
    return audiences;
  }

  public void setAudiences(List<String> audiences) {
    this.audiences = audiences;
  }

  public String getPrincipalClaim() {
    return principalClaim;
  }

  public void setPrincipalClaim(String principalClaim) {
    this.principalClaim = principalClaim;
  }

  public String getGroupsClaim() {
    return groupsClaim;
  }

  public void setGroupsClaim(String groupsClaim) {
    this.groupsClaim = groupsClaim;
  }
}
