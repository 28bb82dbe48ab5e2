package io.agentruntime.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GovernancePolicyValidatorTest {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final String PERMIT =
      "cedar: 'permit(principal, action == Action::\"call_reasoning\", resource);'\n";

  private final GovernancePolicyValidator validator = new GovernancePolicyValidator();

  static List<String> policyExamples() {
    return AgentRuntimeFixtures.exampleNames("GovernancePolicy");
  }

  @ParameterizedTest
  @MethodSource("policyExamples")
  void acceptsTheExamples(String example) throws IOException {
    var policy =
        YAML.readValue(
            AgentRuntimeFixtures.EXAMPLES.resolve(example + ".yaml").toFile(),
            GovernancePolicy.class);

    assertThat(validator.validate(policy)).isEmpty();
  }

  @Test
  void theExamplesIncludeAPolicy() {
    assertThat(policyExamples()).contains("governance-policy");
  }

  @Test
  void namesTheLineAndColumnOfACedarSyntaxError() {
    var errors =
        errors(
            """
            runtime: support
            cedar: |
              permit(principal, action, resource)
              when { context.tier == };
            """);

    assertThat(errors).singleElement().asString().startsWith("spec.cedar: line 2, column ");
  }

  @Test
  void refusesMoreThanOnePolicy() {
    var errors =
        errors(
            """
            runtime: support
            cedar: |
              permit(principal, action, resource);
              forbid(principal, action, resource);
            """);

    assertThat(errors).singleElement().asString().startsWith("spec.cedar: ");
  }

  /**
   * The runtime's name, the required fields, the least number of requests and the dollar amount's
   * form are the CRD schema's to refuse (RenderSchemaCheckTest); stating them here again would let
   * the two drift apart.
   */
  @Test
  void leavesTheBoundsTheSchemaStatesToTheSchema() {
    assertThat(errors("runtime: Support_Bot\nrateLimit: {requests: 0, per: 1m}\n" + PERMIT))
        .isEmpty();
    assertThat(errors("mode: Audit\ntokenBudget: {per: 1d}\n")).isEmpty();
  }

  @Test
  void checksTheRateLimitPeriodRange() {
    assertThat(errors("runtime: support\nrateLimit: {requests: 5, per: 500ms}\n" + PERMIT))
        .containsExactly("spec.rateLimit.per: must be between 1s and 24h, got 500ms");
    assertThat(errors("runtime: support\nrateLimit: {requests: 5, per: 25h}\n" + PERMIT))
        .containsExactly("spec.rateLimit.per: must be between 1s and 24h, got 25h");
  }

  @Test
  void checksTheBudgetsAsTheRuntimeReadsThem() {
    assertThat(errors("runtime: support\ntokenBudget: {tokens: 10, per: 32d}\n" + PERMIT))
        .containsExactly(
            "spec.tokenBudget: a budget window must be between 1m and 31d, or 1mo, got 32d");
    assertThat(errors("runtime: support\ncostBudget: {usd: \"0\", per: 2mo}\n" + PERMIT))
        .containsExactly("spec.costBudget: invalid window '2mo': the only month window is 1mo");
  }

  @Test
  void acceptsValidBudgets() {
    assertThat(
            errors(
                "runtime: support\ntokenBudget: {tokens: 200000, per: 1d}\n"
                    + "costBudget: {usd: \"50\", per: 1mo, key: runtime}\n"
                    + PERMIT))
        .isEmpty();
  }

  @Test
  void acceptsAValidRateLimitedAuditPolicy() {
    assertThat(
            errors(
                "runtime: support\nmode: Audit\nrateLimit: {requests: 10, per: 1s, key: runtime}\n"
                    + PERMIT))
        .isEmpty();
  }

  private List<String> errors(String specYaml) {
    try {
      var policy =
          YAML.readValue(
              """
              apiVersion: agentruntime.io/v1alpha1
              kind: GovernancePolicy
              metadata: {name: p, namespace: agents}
              spec:
              """
                  + specYaml.indent(2),
              GovernancePolicy.class);
      return validator.validate(policy).stream().map(ValidationError::toString).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
