package io.agentruntime.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly the permissions the table in docs/operator.md ("Permissions") lists,
 * where it says: cluster-wide, in each watched namespace, in the release namespace. Whether the
 * operator needs exactly these is {@code RbacConformanceTest}'s question.
 */
class ChartRbacTest {

  private static final Path DOC = Path.of("..", "docs", "operator.md");
  private static final String CLUSTER = "cluster";
  private static final String WATCHED = "watched namespaces";
  private static final String RELEASE = "release namespace";

  @Test
  void withoutWatchNamespacesTheClusterRoleGrantsTheDocumentedClusterAndNamespacedRows()
      throws IOException {
    var documented = documented();
    var expected = new TreeMap<>(documented.get(CLUSTER));
    expected.putAll(documented.get(WATCHED));

    RenderedChart chart = OperatorChart.render();

    assertThat(grants(chart.one("ClusterRole"))).isEqualTo(expected);
    assertThat(grants(chart.one("Role"))).isEqualTo(documented.get(RELEASE));
  }

  @Test
  void withWatchNamespacesEachNamespaceGetsARoleAndTheClusterRoleOnlyClusterScopedRows()
      throws IOException {
    var documented = documented();

    RenderedChart chart = OperatorChart.render(OperatorChart.CUSTOM_VALUES);

    assertThat(grants(chart.one("ClusterRole"))).isEqualTo(documented.get(CLUSTER));
    var roles = chart.all("Role");
    var namespaces = new TreeSet<String>();
    for (JsonNode role : roles) {
      var namespace = role.path("metadata").path("namespace").asText();
      namespaces.add(namespace);
      var expected = namespace.equals(OperatorChart.NAMESPACE) ? RELEASE : WATCHED;
      assertThat(grants(role)).as("Role in %s", namespace).isEqualTo(documented.get(expected));
      assertBoundToTheOperator(chart, role);
    }
    assertThat(namespaces).containsExactly("agent-runtime-system", "agents", "payments");
  }

  @Test
  void noRoleHoldsAWildcard() {
    RenderedChart chart = OperatorChart.render(OperatorChart.CUSTOM_VALUES);

    for (String kind : List.of("ClusterRole", "Role")) {
      for (JsonNode role : chart.all(kind)) {
        assertThat(strings(role.path("rules")))
            .as(kind)
            .isNotEmpty()
            .noneMatch(value -> value.contains("*"));
      }
    }
  }

  @Test
  void everyRoleIsBoundToTheServiceAccountTheOperatorRunsAs() {
    for (RenderedChart chart :
        List.of(OperatorChart.render(), OperatorChart.render(OperatorChart.CUSTOM_VALUES))) {
      chart.all("Role").forEach(role -> assertBoundToTheOperator(chart, role));
      assertBoundToTheOperator(chart, chart.one("ClusterRole"));
    }
  }

  private static void assertBoundToTheOperator(RenderedChart chart, JsonNode role) {
    var kind = role.path("kind").asText();
    var name = role.path("metadata").path("name").asText();
    var namespace = role.path("metadata").path("namespace").asText();
    var podServiceAccount = chart.serviceAccountName();
    var bindingKind = kind.equals("Role") ? "RoleBinding" : "ClusterRoleBinding";
    assertThat(chart.all(bindingKind))
        .as("%s %s in %s", bindingKind, name, namespace)
        .anySatisfy(
            binding -> {
              assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo(kind);
              assertThat(binding.path("roleRef").path("name").asText()).isEqualTo(name);
              assertThat(binding.path("metadata").path("namespace").asText()).isEqualTo(namespace);
              var subject = binding.path("subjects").get(0);
              assertThat(subject.path("name").asText()).isEqualTo(podServiceAccount);
              assertThat(subject.path("namespace").asText()).isEqualTo(OperatorChart.NAMESPACE);
            });
  }

  /**
   * The doc's table as {@code where} to {@code group/resource} to verbs; the core group is {@code
   * ""} as in RBAC rules.
   */
  private static Map<String, Map<String, Set<String>>> documented() throws IOException {
    var section = Files.readString(DOC).split("\n## Permissions\n", 2)[1].split("\n## ", 2)[0];
    Map<String, Map<String, Set<String>>> documented = new TreeMap<>();
    for (String line : section.lines().toList()) {
      var cells = line.split("\\|");
      if (cells.length < 6 || !cells[1].contains("`") && !cells[1].strip().equals("core")) {
        continue;
      }
      var group = cells[1].strip().equals("core") ? "" : cells[1].strip().replace("`", "");
      var verbs = new TreeSet<>(List.of(cells[3].strip().split(",\\s*")));
      var where = documented.computeIfAbsent(cells[4].strip(), key -> new TreeMap<>());
      for (String resource : cells[2].replace("`", "").split(",")) {
        where.put(group + "/" + resource.strip(), verbs);
      }
    }
    assertThat(documented).as("the table in %s", DOC).containsKeys(CLUSTER, WATCHED, RELEASE);
    return documented;
  }

  /** {@code group/resource} to the verbs the role's rules grant on it. */
  private static Map<String, Set<String>> grants(JsonNode role) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (JsonNode rule : role.path("rules")) {
      for (String group : strings(rule.path("apiGroups"))) {
        for (String resource : strings(rule.path("resources"))) {
          grants
              .computeIfAbsent(group + "/" + resource, key -> new TreeSet<>())
              .addAll(strings(rule.path("verbs")));
        }
      }
    }
    return grants;
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
