package io.agentruntime.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentruntime.operator.helm.ApiRequest;
import io.agentruntime.operator.helm.ChartRbac;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CRUD dispatcher, recording the operator's requests as RBAC sees them (and refusing those the
 * RBAC under test does not allow), answering JOSDK's startup check that the operator may use Leases
 * (a SelfSubjectRulesReview, which the CRUD mock cannot evaluate), refusing creations a test
 * forbids, and taking Server-Side Apply patches.
 *
 * <p>The CRUD mock has no Server-Side Apply. Only so that the operator can run with production
 * settings and send the requests it sends in production, an apply patch is taken here as what it
 * amounts to for a single field manager ({@link #apply}); a {@code resourceVersion} in the applied
 * object is a precondition, as on a real server (a conflict answers 409). Field ownership, list
 * merging by key and managed fields are not modelled: the k3s suite covers them.
 */
final class MockClusterDispatcher extends KubernetesCrudDispatcher {

  private static final String RULES_REVIEWS =
      "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
  private static final String APPLY_PATCH = "application/apply-patch+yaml";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  final Set<String> forbiddenPrefixes = ConcurrentHashMap.newKeySet();
  final List<ApiRequest> operatorRequests = new CopyOnWriteArrayList<>();
  private final String operatorAgent;
  private final ChartRbac rbac;

  MockClusterDispatcher(String operatorAgent, ChartRbac rbac) {
    this.operatorAgent = operatorAgent;
    this.rbac = rbac;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    boolean fromOperator = operatorAgent.equals(request.getHeader("User-Agent"));
    if (fromOperator) {
      var asked = ApiRequest.of(request.getMethod(), request.getPath());
      operatorRequests.add(asked);
      if (rbac != null && !rbac.allows(asked)) {
        return status(403, "Forbidden", asked + " is forbidden");
      }
    }
    if ("PATCH".equals(request.getMethod())
        && String.valueOf(request.getHeader("Content-Type")).startsWith(APPLY_PATCH)) {
      return apply(request, fromOperator);
    }
    if (!"POST".equals(request.getMethod())) {
      return super.dispatch(request);
    }
    if (RULES_REVIEWS.equals(request.getPath())) {
      var review = JSON.unmarshal(request.getUtf8Body(), SelfSubjectRulesReview.class);
      return json(201, rulesReview(review.getSpec().getNamespace()));
    }
    if (forbiddenPrefixes.stream().anyMatch(request.getPath()::startsWith)) {
      return status(403, "Forbidden", "creating " + request.getPath() + " is forbidden");
    }
    return super.dispatch(request);
  }

  /**
   * An apply patch by the only field manager there is: the applied object's fields replace the
   * existing object's (its status alone on the status subresource); labels, annotations, owner
   * references and finalizers are merged; a missing object is created.
   */
  private MockResponse apply(RecordedRequest request, boolean fromOperator) {
    var path = URI.create(request.getPath()).getPath();
    var applied = (ObjectNode) JSON.unmarshal(request.getUtf8Body(), JsonNode.class);
    var appliedMetadata = (ObjectNode) applied.path("metadata");
    var found = super.handleGet(path);
    boolean status = path.endsWith("/status");
    if (found.code() == HttpURLConnection.HTTP_NOT_FOUND && !status) {
      if (fromOperator) {
        // An API server authorizes a patch that creates its object as a create, too.
        var create = ApiRequest.of("POST", request.getPath());
        operatorRequests.add(create);
        if (rbac != null && !rbac.allows(create)) {
          return status(403, "Forbidden", create + " is forbidden");
        }
      }
      appliedMetadata.remove("resourceVersion");
      var collection = path.substring(0, path.lastIndexOf('/'));
      return super.dispatch(request(HttpMethod.POST, collection, JSON.asJson(applied)));
    }
    if (found.code() != HttpURLConnection.HTTP_OK) {
      return found;
    }
    var existing = (ObjectNode) JSON.unmarshal(found.getBody().readUtf8(), JsonNode.class);
    var metadata = (ObjectNode) existing.path("metadata");
    var precondition = appliedMetadata.path("resourceVersion");
    if (!precondition.isMissingNode()
        && !precondition.asText().equals(metadata.path("resourceVersion").asText())) {
      return status(HttpURLConnection.HTTP_CONFLICT, "Conflict", "the object has been modified");
    }
    if (metadata.has("deletionTimestamp") && addsFinalizer(metadata, appliedMetadata)) {
      return status(
          422, "Invalid", "no new finalizers can be added if the object is being deleted");
    }
    if (status) {
      existing.set("status", applied.path("status"));
    } else {
      applied
          .fieldNames()
          .forEachRemaining(
              field -> {
                if (!Set.of("apiVersion", "kind", "metadata", "status").contains(field)) {
                  existing.set(field, applied.get(field));
                }
              });
      for (var map : List.of("labels", "annotations")) {
        if (appliedMetadata.has(map)) {
          metadata.withObject(map).setAll((ObjectNode) appliedMetadata.get(map));
        }
      }
      union(metadata, appliedMetadata, "finalizers");
      union(metadata, appliedMetadata, "ownerReferences");
    }
    return super.dispatch(request(HttpMethod.PUT, path, JSON.asJson(existing)));
  }

  private static boolean addsFinalizer(ObjectNode existing, ObjectNode applied) {
    var current = new HashSet<JsonNode>();
    existing.path("finalizers").forEach(current::add);
    for (var finalizer : applied.path("finalizers")) {
      if (!current.contains(finalizer)) {
        return true;
      }
    }
    return false;
  }

  private static void union(ObjectNode existing, ObjectNode applied, String list) {
    var values = existing.withArray(list);
    for (var value : applied.path(list)) {
      if (!values.valueStream().anyMatch(value::equals)) {
        values.add(value);
      }
    }
    if (values.isEmpty()) {
      existing.remove(list);
    }
  }

  private static MockResponse status(int code, String reason, String message) {
    return json(
        code,
        new StatusBuilder()
            .withStatus("Failure")
            .withReason(reason)
            .withCode(code)
            .withMessage(message)
            .build());
  }

  private static RecordedRequest request(HttpMethod method, String path, String body) {
    var headers = Headers.builder().add("Content-Type", "application/json").build();
    var buffer = new Buffer(body.getBytes(StandardCharsets.UTF_8));
    return new RecordedRequest("HTTP/1.1", method, path, headers, buffer);
  }

  /** The rules in {@code namespace}: the chart's, or else the Lease verbs JOSDK asks for. */
  private SelfSubjectRulesReview rulesReview(String namespace) {
    var status = new SubjectRulesReviewStatusBuilder().withIncomplete(false);
    if (rbac == null) {
      status
          .addNewResourceRule()
          .withApiGroups("coordination.k8s.io")
          .withResources("leases")
          .withVerbs("get", "create", "update")
          .endResourceRule();
    } else {
      for (var rule : rbac.rulesIn(namespace)) {
        status
            .addNewResourceRule()
            .withApiGroups(rule.apiGroups())
            .withResources(rule.resources())
            .withVerbs(rule.verbs())
            .withResourceNames(rule.names())
            .endResourceRule();
      }
    }
    return new SelfSubjectRulesReviewBuilder().withStatus(status.build()).build();
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(JSON.asJson(body));
  }
}
