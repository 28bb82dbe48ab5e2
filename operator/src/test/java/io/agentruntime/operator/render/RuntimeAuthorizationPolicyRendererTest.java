package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeAuthorizationPolicyRendererTest {

  private static final String FRONTEND = "cluster.local/ns/web/sa/frontend";

  private static final String RUNTIME =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: ping, backend: {echo: {}}}]
      """;

  private static final AuthorizationPolicy POLICY =
      RuntimeAuthorizationPolicyRenderer.render(
              withSpec(RUNTIME + "mesh: {allowedPrincipals: [" + FRONTEND + "]}"))
          .orElseThrow();

  @Test
  void selectsTheRuntimePodsWithAnAllowPolicy() {
    var cr = withSpec(RUNTIME);

    assertThat(POLICY.getMetadata().getName()).isEqualTo("support");
    assertThat(POLICY.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.ALLOW);
    assertThat(POLICY.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector(cr, Component.RUNTIME));
  }

  /** Istio's ALLOW semantics: a request passes when any rule matches it, else it is denied. */
  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "cluster.local/ns/web/sa/frontend, POST, /dispatch, true",
    "cluster.local/ns/web/sa/frontend, POST, /v1/decisions, true",
    "cluster.local/ns/web/sa/frontend, GET, /v1/intents, true",
    "cluster.local/ns/shop/sa/other, POST, /dispatch, false",
    "cluster.local/ns/shop/sa/other, GET, /v1/intents, false",
    "'', POST, /dispatch, false",
    "'', GET, /healthz, true",
    "'', GET, /readyz, true",
    "cluster.local/ns/monitoring/sa/prometheus, GET, /metrics, true",
    "'', POST, /metrics, false",
    "'', GET, /dispatch, false"
  })
  void onlyAllowedPrincipalsReachTheApiWhileProbesAndScrapesPass(
      String principal, String method, String path, boolean allowed) {
    assertThat(allows(POLICY, principal, method, path)).isEqualTo(allowed);
  }

  @Test
  void rendersNoPolicyWithoutAllowedPrincipals() {
    assertThat(RuntimeAuthorizationPolicyRenderer.render(withSpec(RUNTIME + "mesh: {}"))).isEmpty();
    assertThat(
            RuntimeAuthorizationPolicyRenderer.render(
                withSpec(RUNTIME + "mesh: {allowedPrincipals: []}")))
        .isEmpty();
    assertThat(
            RuntimeAuthorizationPolicyRenderer.render(
                withSpec(RUNTIME + "failover: {regions: [us-east-1]}")))
        .isEmpty();
  }

  private static boolean allows(
      AuthorizationPolicy policy, String principal, String method, String path) {
    return policy.getSpec().getRules().stream()
        .anyMatch(rule -> fromMatches(rule, principal) && toMatches(rule, method, path));
  }

  private static boolean fromMatches(Rule rule, String principal) {
    return rule.getFrom().isEmpty()
        || rule.getFrom().stream()
            .anyMatch(from -> from.getSource().getPrincipals().contains(principal));
  }

  private static boolean toMatches(Rule rule, String method, String path) {
    return rule.getTo().isEmpty()
        || rule.getTo().stream().anyMatch(to -> operationMatches(to.getOperation(), method, path));
  }

  private static boolean operationMatches(Operation operation, String method, String path) {
    List<String> methods = operation.getMethods();
    List<String> paths = operation.getPaths();
    return (methods.isEmpty() || methods.contains(method))
        && (paths.isEmpty() || paths.stream().anyMatch(pattern -> pathMatches(pattern, path)));
  }

  /** Istio path matching: exact, or prefix when the pattern ends with {@code *}. */
  private static boolean pathMatches(String pattern, String path) {
    return pattern.endsWith("*")
        ? path.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(path);
  }
}
