package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyDocumentRendererTest {

  @Test
  void theExampleBecomesAPolicyNamedAfterTheResource() throws IOException {
    var policy =
        new YAMLMapper()
            .readValue(
                AgentRuntimeFixtures.EXAMPLES.resolve("governance-policy.yaml").toFile(),
                GovernancePolicy.class);

    var document = PolicyDocumentRenderer.render(policy);

    assertThat(document.id()).isEqualTo("paid-tenants-may-reason");
    assertThat(document.cedar()).isEqualTo(policy.getSpec().getCedar());
    assertThat(document.mode()).isEqualTo(EnforcementMode.ENFORCE);
    assertThat(document.rateLimit())
        .contains(new RateLimit(600, Duration.ofMinutes(1), RateLimit.Key.PRINCIPAL));
    assertThat(document.limits().tokenBudget())
        .contains(Budget.parseTokens("2000000/1d per principal"));
    assertThat(document.limits().costBudget())
        .contains(Budget.parseCost("500 USD/1mo per runtime"));
    assertThat(document.source()).isEqualTo("GovernancePolicy agents/paid-tenants-may-reason");
  }

  @Test
  void defaultsToEnforceWithoutALimit() throws IOException {
    var policy =
        new YAMLMapper()
            .readValue(
                """
                metadata: {name: p, namespace: agents}
                spec: {runtime: support, cedar: "permit(principal, action, resource);"}
                """,
                GovernancePolicy.class);

    var document = PolicyDocumentRenderer.render(policy);

    assertThat(document.mode()).isEqualTo(EnforcementMode.ENFORCE);
    assertThat(document.limits()).isEqualTo(PolicyLimits.NONE);
  }
}
