package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.render.IstioAuthorization.Request;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the mesh must guarantee for the runtime's trust model, as the {@code istio/} baseline gives
 * it. The mesh configuration file has no schema anywhere (it is an install setting, not a
 * resource), so these checks are its only guard.
 */
class IstioBaselineTest {

  private static final Path ISTIO_FOLDER = Path.of("..", "istio");
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void sidecarsMergeSlashesBeforeMatchingPaths() throws IOException {
    JsonNode mesh = YAML.readTree(ISTIO_FOLDER.resolve("mesh-config.yaml").toFile());

    assertThat(mesh.path("kind").asText()).isEqualTo("IstioOperator");
    assertThat(mesh.at("/spec/meshConfig/pathNormalization/normalization").asText())
        .isIn("MERGE_SLASHES", "DECODE_AND_MERGE_SLASHES");
  }

  @Test
  void principalAndGroupsComeOnlyFromTheVerifiedToken() throws IOException {
    List<String> headers = new ArrayList<>();
    for (JsonNode rule :
        YAML.readTree(ISTIO_FOLDER.resolve("request-authentication.yaml").toFile())
            .at("/spec/jwtRules")) {
      rule.path("outputClaimToHeaders")
          .forEach(mapping -> headers.add(mapping.path("header").asText()));
      assertThat(rule.path("forwardOriginalToken").asBoolean(true)).isFalse();
    }

    assertThat(headers).containsExactly("x-agent-principal", "x-agent-groups");
  }

  /**
   * The baseline's DENY policy names the API port, not paths: without a verified token no spelling
   * of a path reaches the runtime, even where the mesh's path normalization is left at Istio's
   * default.
   */
  @ParameterizedTest
  @MethodSource(
      "io.agentruntime.operator.render.RuntimeAuthorizationPolicyRendererTest#pathVariants")
  void withoutATokenNoPathOfTheApiPortReachesTheRuntime(String path) throws IOException {
    List<AuthorizationPolicy> policies = List.of(requireJwt());
    Request request = Request.of(ResourceNames.RUNTIME_PORT, "POST", path);

    assertThat(IstioAuthorization.allows(policies, request)).isFalse();
    assertThat(IstioAuthorization.allows(policies, request.withToken("https://idp/alice")))
        .isTrue();
  }

  @Test
  void probesAndScrapesNeedNoToken() throws IOException {
    List<AuthorizationPolicy> policies = List.of(requireJwt());

    for (String path : RuntimeAuthorizationPolicyRenderer.MANAGEMENT_PATHS) {
      assertThat(
              IstioAuthorization.allows(
                  policies, Request.of(ResourceNames.RUNTIME_MANAGEMENT_PORT, "GET", path)))
          .as(path)
          .isTrue();
    }
  }

  /** The AuthorizationPolicy of request-authentication.yaml. */
  private static AuthorizationPolicy requireJwt() throws IOException {
    List<JsonNode> documents;
    try (MappingIterator<JsonNode> iterator =
        YAML.readValues(
            YAML.createParser(ISTIO_FOLDER.resolve("request-authentication.yaml").toFile()),
            JsonNode.class)) {
      documents = iterator.readAll();
    }
    JsonNode document =
        documents.stream()
            .filter(node -> "AuthorizationPolicy".equals(node.path("kind").asText()))
            .findFirst()
            .orElseThrow();
    AuthorizationPolicy policy = YAML.treeToValue(document, AuthorizationPolicy.class);
    assertThat(policy.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
    return policy;
  }
}
