package io.agentruntime.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A CEL rule that does not hold is refused in kube-apiserver's words (Kubernetes 1.35): the field's
 * path, {@code Invalid value: }, the value for a number, string or boolean (strings quoted) and
 * none for an object or a list, then the rule's message; a rule's {@code reason} and {@code
 * fieldPath} change the wording and the path as they do there.
 */
class CelRefusalTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** A CRD with one rule of each kind the refusal's wording depends on. */
  private static final CrdSchema RULES =
      CrdSchema.of(
          yaml(
              """
              apiVersion: apiextensions.k8s.io/v1
              kind: CustomResourceDefinition
              metadata: {name: widgets.example.io}
              spec:
                versions:
                  - name: v1alpha1
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                              bounds:
                                type: object
                                properties:
                                  min: {type: integer}
                                  max: {type: integer}
                                x-kubernetes-validations:
                                  - rule: self.min <= self.max
                                    message: min must not exceed max
                                  - rule: self.min != 7
                                    message: seven is reserved
                                    fieldPath: .min
                              size:
                                type: integer
                                x-kubernetes-validations:
                                  - rule: self % 2 == 0
                                    message: must be even
                              name:
                                type: string
                                x-kubernetes-validations:
                                  - rule: self != 'admin'
                                    message: is reserved
                                    reason: FieldValueForbidden
                              tags:
                                type: array
                                items: {type: string}
                                x-kubernetes-validations:
                                  - rule: size(self) < 3
                              limits:
                                type: object
                                additionalProperties: {type: integer}
                                x-kubernetes-validations:
                                  - rule: self.cpu > 0
                                    message: cpu must be positive
              """),
          URI.create("test:widgets"));

  @Test
  void aRuleOnAnObjectLeavesItsValueOut() {
    assertThat(refusals("bounds: {min: 5, max: 3}"))
        .containsExactly("spec.bounds: Invalid value: min must not exceed max");
  }

  @Test
  void aRuleOnANumberOrStringShowsTheValue() {
    assertThat(refusals("size: 3")).containsExactly("spec.size: Invalid value: 3: must be even");
    assertThat(refusals("tags: [a, b, c]"))
        .containsExactly("spec.tags: Invalid value: failed rule: size(self) < 3");
  }

  @Test
  void aRuleWithAReasonAndAFieldPathIsWordedAndPlacedAsTheyAsk() {
    assertThat(refusals("name: admin")).containsExactly("spec.name: Forbidden: is reserved");
    assertThat(refusals("bounds: {min: 7, max: 9}"))
        .containsExactly("spec.bounds.min: Invalid value: seven is reserved");
  }

  @Test
  void aRuleThatCannotBeEvaluatedNamesTheSchemaTypeAndTheRule() {
    assertThat(refusals("limits: {memory: 4}"))
        .singleElement()
        .asString()
        .startsWith("spec.limits: Invalid value: \"object\": ")
        .endsWith(" evaluating rule: cpu must be positive");
  }

  private static List<String> refusals(String spec) {
    return RULES.refusals(
        yaml(
            "apiVersion: example.io/v1alpha1\nkind: Widget\nmetadata: {name: w}\nspec: {"
                + spec
                + "}\n"));
  }

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
