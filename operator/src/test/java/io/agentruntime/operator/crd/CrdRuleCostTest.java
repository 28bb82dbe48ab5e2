package io.agentruntime.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The estimated cost of the operator's CEL rules stays within what the API server accepts when the
 * CRD is installed: each rule times the most values of its node, and all rules together ({@link
 * CelCostEstimator}).
 */
class CrdRuleCostTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void everyRuleOfOurCrdsCostsLessThanTheApiServersLimit() {
    long total = 0;
    for (OwnCrds.Crd crd : OwnCrds.all()) {
      for (CrdCelRules.Compiled rule : crd.rules().compiled()) {
        long cost =
            CelCostEstimator.multiply(CelCostEstimator.estimate(rule), rule.rule().cardinality());

        assertThat(cost)
            .as("%s %s (cardinality %d)", crd.file(), rule.rule(), rule.rule().cardinality())
            .isLessThanOrEqualTo(CelCostEstimator.RULE_LIMIT);
        total += cost;
      }
    }
    assertThat(total).isLessThanOrEqualTo(CelCostEstimator.CRD_LIMIT);
  }

  @Test
  void aRuleIteratingAnUnboundedListFailsTheCheck() throws IOException {
    CrdCelRules.Compiled rule =
        onlyRule(
            """
            type: object
            properties:
              names:
                type: array
                items: {type: string}
                x-kubernetes-validations:
                  - rule: "self.all(n, n.matches('^[a-z]+$'))"
                    message: lower-case names only
            """);

    assertThat(CelCostEstimator.estimate(rule)).isGreaterThan(CelCostEstimator.RULE_LIMIT);
  }

  @Test
  void theSameRuleOverABoundedListPasses() throws IOException {
    CrdCelRules.Compiled rule =
        onlyRule(
            """
            type: object
            properties:
              names:
                type: array
                maxItems: 16
                items: {type: string, maxLength: 63}
                x-kubernetes-validations:
                  - rule: "self.all(n, n.matches('^[a-z]+$'))"
                    message: lower-case names only
            """);

    assertThat(CelCostEstimator.estimate(rule)).isLessThan(10_000);
  }

  @Test
  void scanningAValueOfUnknownSizeFailsTheCheck() throws IOException {
    CrdCelRules.Compiled rule =
        onlyRule(
            """
            type: object
            properties:
              size:
                x-kubernetes-int-or-string: true
                anyOf: [{type: integer}, {type: string}]
                maxLength: 64
                x-kubernetes-validations:
                  - rule: "quantity(string(self)).compareTo(quantity('1Gi')) <= 0"
                    message: at most 1Gi
            """);

    assertThat(CelCostEstimator.estimate(rule))
        .as("the API server cannot bound string(self): its size is unknown")
        .isGreaterThan(CelCostEstimator.RULE_LIMIT);
  }

  @Test
  void aRuleUnderAnUnboundedListOfObjectsCountsOncePerPossibleItem() throws IOException {
    CrdCelRules.Compiled rule =
        onlyRule(
            """
            type: object
            properties:
              items:
                type: array
                items:
                  type: object
                  properties:
                    name: {type: string, maxLength: 63}
                  x-kubernetes-validations:
                    - rule: "self.name.startsWith('a')"
                      message: names start with a
            """);

    assertThat(rule.rule().cardinality()).isEqualTo(CelCostEstimator.MAX_REQUEST_BYTES);
  }

  @Test
  void aLowerCasedCopyIsAsLongAsItsString() throws IOException {
    String rule =
        """
        type: object
        properties:
          names:
            type: array
            maxItems: 16
            items: {type: string%s}
            x-kubernetes-validations:
              - rule: "self.all(a, self.exists_one(b, a.lowerAscii() == b.lowerAscii()))"
                message: unique whatever their case
        """;

    assertThat(CelCostEstimator.estimate(onlyRule(rule.formatted(", maxLength: 128"))))
        .isLessThan(100_000);
    assertThat(CelCostEstimator.estimate(onlyRule(rule.formatted(""))))
        .as("a copy of a string of unbounded length")
        .isGreaterThan(CelCostEstimator.RULE_LIMIT);
  }

  /** The only rule of a CRD whose root schema is {@code schemaYaml}. */
  private static CrdCelRules.Compiled onlyRule(String schemaYaml) throws IOException {
    JsonNode crd =
        YAML.readTree(
            """
            metadata: {name: things.example.com}
            spec:
              versions:
                - name: v1
                  schema:
                    openAPIV3Schema:
            """
                + schemaYaml.indent(10));
    CrdCelRules rules = CrdCelRules.of(crd, "v1");
    assertThat(rules.failed()).isEmpty();
    assertThat(rules.compiled()).hasSize(1);
    return rules.compiled().getFirst();
  }
}
