package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.render.IstioAuthorization.Request;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RuntimeAuthorizationPolicyRendererTest {

  private static final String FRONTEND = "cluster.local/ns/web/sa/frontend";
  private static final String OTHER = "cluster.local/ns/shop/sa/other";
  private static final String ISSUER = "https://auth.example.com/";
  private static final int API = ResourceNames.RUNTIME_PORT;
  private static final int MANAGEMENT = ResourceNames.RUNTIME_MANAGEMENT_PORT;

  private static final String RUNTIME =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: ping, backend: {echo: {}}}]
      """;

  private static final String AUTHENTICATION =
      """
        authentication:
          issuer: https://auth.example.com/
          jwksUri: https://auth.example.com/.well-known/jwks.json
          audiences: [agent-runtime]
      """;

  private static final AuthorizationPolicy POLICY =
      policy(RUNTIME + "mesh: {allowedPrincipals: [" + FRONTEND + "]}");

  /**
   * Spellings of the API's paths, and paths it does not serve, that a rule listing paths would have
   * to foresee one by one: the mesh normalises some of them only when configured to.
   */
  static Stream<String> pathVariants() {
    return Stream.of(
        "/dispatch",
        "//dispatch",
        "/dispatch/",
        "/dispatch/.",
        "/%64ispatch",
        "/DISPATCH",
        "/v1/decisions",
        "//v1/decisions",
        "/v1/../dispatch",
        "/mcp/github",
        "/mcp/github/",
        "//mcp/github",
        "/v1/mcp/sessions",
        "/v1/mcp/sessions/abc",
        "/v1/chat/completions",
        "//v1/chat/completions",
        "/v1/models",
        "/healthz",
        "/metrics",
        "/anything");
  }

  @Test
  void selectsTheRuntimePodsWithAnAllowPolicy() {
    var cr = withSpec(RUNTIME);

    assertThat(POLICY.getMetadata().getName()).isEqualTo("support");
    assertThat(POLICY.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.ALLOW);
    assertThat(POLICY.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector(cr, Component.RUNTIME));
  }

  /**
   * The API port is decided by who calls, never by the path: an allowed workload reaches every path
   * (the runtime answers 404 to those it does not serve), any other caller none, however the path
   * is spelled.
   */
  @ParameterizedTest
  @MethodSource("pathVariants")
  void onTheApiPortOnlyAllowedWorkloadsPassWhateverThePath(String path) {
    for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
      Request request = Request.of(API, method, path);

      assertThat(allows(POLICY, request.from(FRONTEND))).as("%s %s", method, path).isTrue();
      assertThat(allows(POLICY, request.from(OTHER))).as("%s %s", method, path).isFalse();
      assertThat(allows(POLICY, request)).as("%s %s in plain text", method, path).isFalse();
    }
  }

  /** The probes' and scrapes' endpoints exist on the management port only, for reading. */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "GET, /healthz, true",
    "GET, /readyz, true",
    "GET, /metrics, true",
    "POST, /metrics, false",
    "GET, /dispatch, false",
    "GET, //metrics, false",
    "GET, /metrics/, false",
    "GET, /v1/intents, false",
    "POST, /mcp/github, false",
    "GET, /v1/mcp/sessions, false"
  })
  void theManagementPortServesProbesAndScrapesToAnyCaller(
      String method, String path, boolean allowed) {
    Request request = Request.of(MANAGEMENT, method, path);

    assertThat(allows(POLICY, request)).isEqualTo(allowed);
    assertThat(allows(POLICY, request.from(OTHER))).isEqualTo(allowed);
  }

  @Test
  void otherPortsOfThePodAreClosed() {
    assertThat(allows(POLICY, Request.of(9090, "GET", "/metrics").from(FRONTEND))).isFalse();
  }

  /**
   * With authentication, the allowed workload must also forward a verified token of the issuer: a
   * caller without one never reaches the API, whatever the path.
   */
  @ParameterizedTest
  @MethodSource("pathVariants")
  void withAuthenticationTheApiNeedsAVerifiedTokenOfTheIssuer(String path) {
    AuthorizationPolicy policy =
        policy(RUNTIME + "mesh:\n  allowedPrincipals: [" + FRONTEND + "]\n" + AUTHENTICATION);
    Request request = Request.of(API, "POST", path);

    assertThat(allows(policy, request.from(FRONTEND).withToken(token("alice")))).isTrue();
    assertThat(allows(policy, request.from(FRONTEND))).as("no token").isFalse();
    assertThat(allows(policy, request.from(FRONTEND).withToken("https://other.example.com//alice")))
        .as("a token of another issuer")
        .isFalse();
    assertThat(allows(policy, request.from(OTHER).withToken(token("alice"))))
        .as("a token from a workload not allowed")
        .isFalse();
  }

  @Test
  void authenticationAloneAdmitsAnyWorkloadWithAToken() {
    AuthorizationPolicy policy = policy(RUNTIME + "mesh:\n" + AUTHENTICATION);
    Request request = Request.of(API, "POST", "/dispatch");

    assertThat(allows(policy, request.from(OTHER).withToken(token("alice")))).isTrue();
    assertThat(allows(policy, request.withToken(token("alice")))).isTrue();
    assertThat(allows(policy, request.from(OTHER))).isFalse();
    assertThat(allows(policy, Request.of(MANAGEMENT, "GET", "/readyz"))).isTrue();
  }

  @Test
  void rendersNoPolicyWhenTheSpecRestrictsNoCaller() {
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

  /** The request principal Istio derives from a verified token: {@code <iss>/<sub>}. */
  private static String token(String subject) {
    return ISSUER + "/" + subject;
  }

  private static AuthorizationPolicy policy(String spec) {
    return RuntimeAuthorizationPolicyRenderer.render(withSpec(spec)).orElseThrow();
  }

  private static boolean allows(AuthorizationPolicy policy, Request request) {
    return IstioAuthorization.allows(List.of(policy), request);
  }
}
