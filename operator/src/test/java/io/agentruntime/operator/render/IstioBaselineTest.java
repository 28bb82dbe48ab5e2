package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
