package io.agentruntime.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The chart grants the operator exactly the permissions docs/operator.md lists under "Permissions
 * it needs": nothing more, no wildcards, and the leader-election Lease only in its own namespace.
 */
class ChartRbacTest {

  private static final List<String> MANAGE =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");

  /** {@code group/resource} to verbs, as docs/operator.md lists them. */
  private static final Map<String, List<String>> DOCUMENTED =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "agentruntime.io/agentruntimes",
                  List.of("get", "list", "watch", "patch", "update")),
              Map.entry("agentruntime.io/agentruntimes/status", List.of("patch", "update")),
              Map.entry("agentruntime.io/agentruntimes/finalizers", List.of("update")),
              Map.entry(
                  "agentruntime.io/governancepolicies",
                  List.of("get", "list", "watch", "patch", "update")),
              Map.entry("agentruntime.io/governancepolicies/status", List.of("patch", "update")),
              Map.entry("agentruntime.io/governancepolicies/finalizers", List.of("update")),
              Map.entry("/serviceaccounts", MANAGE),
              Map.entry("/configmaps", MANAGE),
              Map.entry("/services", MANAGE),
              Map.entry("/persistentvolumeclaims", MANAGE),
              Map.entry("apps/deployments", MANAGE),
              Map.entry("autoscaling/horizontalpodautoscalers", MANAGE),
              Map.entry("policy/poddisruptionbudgets", MANAGE),
              Map.entry("networking.istio.io/destinationrules", MANAGE),
              Map.entry("networking.istio.io/virtualservices", MANAGE),
              Map.entry("security.istio.io/peerauthentications", MANAGE),
              Map.entry("security.istio.io/authorizationpolicies", MANAGE),
              Map.entry("karpenter.sh/nodepools", MANAGE),
              Map.entry("keda.sh/scaledobjects", MANAGE),
              Map.entry("monitoring.coreos.com/servicemonitors", MANAGE),
              Map.entry("monitoring.coreos.com/prometheusrules", MANAGE),
              Map.entry("apiextensions.k8s.io/customresourcedefinitions", List.of("get")),
              Map.entry("/events", List.of("create"))));

  @Test
  void clusterRoleGrantsExactlyTheDocumentedPermissions() {
    JsonNode role = OperatorChart.render().one("ClusterRole");

    assertThat(grants(role)).isEqualTo(DOCUMENTED);
  }

  @Test
  void noRoleHoldsAWildcard() {
    RenderedChart chart = OperatorChart.render(OperatorChart.CUSTOM_VALUES);

    for (String kind : List.of("ClusterRole", "Role")) {
      assertThat(strings(chart.one(kind).path("rules")))
          .as(kind)
          .isNotEmpty()
          .noneMatch(value -> value.contains("*"));
    }
  }

  @Test
  void leaseRoleIsBoundInTheReleaseNamespaceToTheOperatorsServiceAccount() {
    RenderedChart chart = OperatorChart.render();
    JsonNode role = chart.one("Role");
    JsonNode binding = chart.one("RoleBinding");
    JsonNode subject = binding.path("subjects").get(0);

    assertThat(grants(role))
        .containsExactly(
            Map.entry("coordination.k8s.io/leases", List.of("get", "create", "update")));
    assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(OperatorChart.NAMESPACE);
    assertThat(binding.path("roleRef").path("name").asText())
        .isEqualTo(role.path("metadata").path("name").asText());
    assertThat(subject.path("name").asText())
        .isEqualTo(chart.one("ServiceAccount").path("metadata").path("name").asText());
    assertThat(subject.path("namespace").asText()).isEqualTo(OperatorChart.NAMESPACE);
  }

  @Test
  void clusterRoleIsBoundToTheServiceAccountTheOperatorRunsAs() {
    RenderedChart chart = OperatorChart.render();
    JsonNode subject = chart.one("ClusterRoleBinding").path("subjects").get(0);
    String podServiceAccount =
        chart
            .one("Deployment")
            .path("spec")
            .path("template")
            .path("spec")
            .path("serviceAccountName")
            .asText();

    assertThat(chart.one("ClusterRoleBinding").path("roleRef").path("name").asText())
        .isEqualTo(chart.one("ClusterRole").path("metadata").path("name").asText());
    assertThat(subject.path("name").asText()).isEqualTo(podServiceAccount);
    assertThat(subject.path("namespace").asText()).isEqualTo(OperatorChart.NAMESPACE);
  }

  /** {@code group/resource} to the verbs the role's rules grant on it. */
  private static Map<String, List<String>> grants(JsonNode role) {
    Map<String, List<String>> grants = new TreeMap<>();
    for (JsonNode rule : role.path("rules")) {
      for (String group : strings(rule.path("apiGroups"))) {
        for (String resource : strings(rule.path("resources"))) {
          grants.merge(group + "/" + resource, strings(rule.path("verbs")), ChartRbacTest::union);
        }
      }
    }
    return grants;
  }

  private static List<String> union(List<String> first, List<String> second) {
    List<String> union = new ArrayList<>(first);
    second.stream().filter(verb -> !union.contains(verb)).forEach(union::add);
    return union;
  }

  /** Every string value anywhere under {@code node}. */
  private static List<String> strings(JsonNode node) {
    List<String> strings = new ArrayList<>();
    if (node.isTextual()) {
      strings.add(node.asText());
    }
    node.forEach(child -> strings.addAll(strings(child)));
    return strings;
  }
}
