package io.agentruntime.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the chart lets the operator's ServiceAccount do: the rules of every Role and ClusterRole the
 * chart renders, where their bindings to that ServiceAccount apply, evaluated as Kubernetes' RBAC
 * authorizer does. Kubernetes' own default grants to every authenticated user (the {@code
 * system:basic-user} and {@code system:discovery} ClusterRoles) are added, since the chart relies
 * on them.
 */
public final class ChartRbac {

  /** One rule of one role, and where it applies: everywhere, or in one namespace. */
  public record Grant(String role, String namespace, Rule rule) {

    /** Whether this grant allows {@code request}. */
    boolean allows(ApiRequest request) {
      boolean inScope =
          namespace == null
              || (request.namespace() != null && namespace.equals(request.namespace()));
      return inScope && rule.allows(request);
    }
  }

  /** An RBAC policy rule: groups, resources (with subresources), verbs, optional names. */
  public record Rule(
      List<String> apiGroups, List<String> resources, List<String> verbs, List<String> names) {

    boolean allows(ApiRequest request) {
      return request.isResourceRequest()
          && matches(apiGroups, request.group())
          && matches(resources, request.resourceWithSubresource())
          && matches(verbs, request.verb())
          && (names.isEmpty() || names.contains(request.name()));
    }

    private static boolean matches(List<String> granted, String value) {
      return granted.contains("*") || granted.contains(value);
    }
  }

  /** {@code system:basic-user}: every authenticated user may review its own permissions. */
  private static final Grant BASIC_USER =
      new Grant(
          "system:basic-user",
          null,
          new Rule(
              List.of("authorization.k8s.io"),
              List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews"),
              List.of("create"),
              List.of()));

  /** {@code system:discovery}: every authenticated user may read the API's discovery documents. */
  private static final Set<String> DISCOVERY_PATHS = Set.of("/api", "/apis", "/version");

  private final List<Grant> grants;

  private ChartRbac(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  /** The chart's RBAC with its default values. */
  public static ChartRbac withDefaults() {
    return of(OperatorChart.render());
  }

  /**
   * The chart's RBAC with the tests' non-default values, among them {@code watchNamespaces:
   * [agents, payments]}.
   */
  public static ChartRbac watchingAgentsAndPayments() {
    return of(OperatorChart.render(OperatorChart.CUSTOM_VALUES));
  }

  /** The namespace the chart is installed into in the tests, where the Lease lives. */
  public static final String RELEASE_NAMESPACE = OperatorChart.NAMESPACE;

  private static final Set<String> ACCESS_KINDS =
      Set.of("ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");

  /**
   * The ServiceAccount and the RBAC objects the chart renders with its default values, as JSON, to
   * be applied to a real cluster.
   */
  public static List<String> defaultAccessObjects() {
    return objects(OperatorChart.render(), ACCESS_KINDS.toArray(String[]::new))
        .map(JsonNode::toString)
        .toList();
  }

  /**
   * The user name the API server gives the operator's ServiceAccount with the chart's default
   * values: {@code system:serviceaccount:<namespace>:<name>}.
   */
  public static String defaultServiceAccountUser() {
    return "system:serviceaccount:"
        + RELEASE_NAMESPACE
        + ":"
        + OperatorChart.render().serviceAccountName();
  }

  static ChartRbac of(RenderedChart chart) {
    var serviceAccount = chart.serviceAccountName();
    var grants = new ArrayList<Grant>();
    for (var binding : objects(chart, "ClusterRoleBinding", "RoleBinding").toList()) {
      if (!boundTo(binding, serviceAccount)) {
        continue;
      }
      var clusterWide = binding.path("kind").asText().equals("ClusterRoleBinding");
      var namespace = clusterWide ? null : binding.path("metadata").path("namespace").asText();
      var role = role(chart, binding.path("roleRef"), namespace);
      for (var rule : role.path("rules")) {
        grants.add(new Grant(roleName(role), namespace, rule(rule)));
      }
    }
    grants.add(BASIC_USER);
    return new ChartRbac(grants);
  }

  /** Whether the operator may send {@code request}. */
  public boolean allows(ApiRequest request) {
    if (!request.isResourceRequest()) {
      return DISCOVERY_PATHS.contains(request.path());
    }
    return grants.stream().anyMatch(grant -> grant.allows(request));
  }

  /** The chart's grants (Kubernetes' defaults excluded). */
  public List<Grant> grants() {
    return grants.stream().filter(grant -> grant != BASIC_USER).toList();
  }

  /** The grants that allow {@code request}. */
  public List<Grant> grantsAllowing(ApiRequest request) {
    return grants().stream().filter(grant -> grant.allows(request)).toList();
  }

  /**
   * The rules that apply in {@code namespace}, as a SelfSubjectRulesReview of it would list them:
   * cluster-wide grants and those of the namespace.
   */
  public List<Rule> rulesIn(String namespace) {
    return grants.stream()
        .filter(grant -> grant.namespace() == null || grant.namespace().equals(namespace))
        .map(Grant::rule)
        .toList();
  }

  private static boolean boundTo(JsonNode binding, String serviceAccount) {
    for (var subject : binding.path("subjects")) {
      if (subject.path("kind").asText().equals("ServiceAccount")
          && subject.path("name").asText().equals(serviceAccount)
          && subject.path("namespace").asText().equals(OperatorChart.NAMESPACE)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode role(RenderedChart chart, JsonNode roleRef, String namespace) {
    var kind = roleRef.path("kind").asText();
    var name = roleRef.path("name").asText();
    return objects(chart, kind)
        .filter(role -> role.path("metadata").path("name").asText().equals(name))
        .filter(
            role ->
                kind.equals("ClusterRole")
                    || role.path("metadata").path("namespace").asText().equals(namespace))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "a binding refers to " + kind + " " + name + ", which the chart lacks"));
  }

  private static String roleName(JsonNode role) {
    return role.path("kind").asText() + " " + role.path("metadata").path("name").asText();
  }

  private static Rule rule(JsonNode rule) {
    return new Rule(
        strings(rule.path("apiGroups")),
        strings(rule.path("resources")),
        strings(rule.path("verbs")),
        strings(rule.path("resourceNames")));
  }

  private static Stream<JsonNode> objects(RenderedChart chart, String... kinds) {
    var wanted = Set.of(kinds);
    return chart.objects().stream().filter(object -> wanted.contains(object.path("kind").asText()));
  }

  private static List<String> strings(JsonNode array) {
    var strings = new ArrayList<String>();
    array.forEach(value -> strings.add(value.asText()));
    return strings;
  }
}
