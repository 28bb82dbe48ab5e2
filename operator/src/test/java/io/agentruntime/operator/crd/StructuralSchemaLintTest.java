package io.agentruntime.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator's CRDs pass {@link StructuralSchemaLint}: typed, list types declared, bounded, valid
 * defaults; and the lint catches each of those mistakes.
 */
class StructuralSchemaLintTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  static java.util.List<Path> crds() {
    return CrdFiles.committed();
  }

  @ParameterizedTest
  @MethodSource("crds")
  void ourCrdsAreTypedBoundedAndDeclareTheirListTypes(Path file) {
    JsonNode root = CrdSchemaWalk.versionSchema(CrdFiles.read(file), OwnCrds.VERSION);

    assertThat(StructuralSchemaLint.problems(root)).isEmpty();
  }

  @Test
  void catchesAnUntypedFieldAnUnboundedStringAndAListWithoutItsType() throws IOException {
    JsonNode schema =
        YAML.readTree(
            """
            type: object
            properties:
              anything: {description: no type}
              name: {type: string}
              tags:
                type: array
                maxItems: 8
                items: {type: string, maxLength: 16}
              sizes:
                type: object
                additionalProperties: {type: integer}
            """);

    assertThat(StructuralSchemaLint.problems(schema))
        .containsExactlyInAnyOrder(
            "anything: has no type",
            "name: string without maxLength, enum or a bounded format",
            "tags: list without x-kubernetes-list-type (atomic, set or map)",
            "sizes: map without maxProperties");
  }

  @Test
  void catchesAMapListKeyedByAnOptionalFieldAndAnInvalidDefault() throws IOException {
    JsonNode schema =
        YAML.readTree(
            """
            type: object
            properties:
              intents:
                type: array
                maxItems: 8
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items:
                  type: object
                  properties:
                    name: {type: string, maxLength: 64}
              mode: {type: string, enum: [Enforce, Audit], default: Block}
            """);

    assertThat(StructuralSchemaLint.problems(schema))
        .hasSize(2)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .isEqualTo("intents: map list key name is neither required nor defaulted"))
        .anySatisfy(problem -> assertThat(problem).startsWith("mode: default is invalid"));
  }
}
