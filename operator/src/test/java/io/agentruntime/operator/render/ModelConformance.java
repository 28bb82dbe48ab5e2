package io.agentruntime.operator.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.Sidecar;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.istio.api.telemetry.v1.Telemetry;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a document strictly against fabric8's typed model, for the kinds {@code shared/schemas}
 * has no JSON schema for: Istio's Telemetry, Sidecar, ServiceEntry and RequestAuthentication
 * (fabric8 7.5.2's Istio model is generated from {@code istio.io/api} 1.28), and Kubernetes'
 * NetworkPolicy, ValidatingAdmissionPolicy, its binding and the RBAC kinds (generated from
 * Kubernetes' API). A kind moves to its upstream schema as soon as {@code shared/schemas} holds
 * one.
 *
 * <p>Strict means every field of the document must be a field of the model (the model's catch-all
 * "additional properties" map is switched off) and every value must survive a round trip through
 * the model (its enums read a value they do not know as null instead of failing).
 */
public final class ModelConformance {

  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("telemetry.istio.io/v1/Telemetry", Telemetry.class),
          Map.entry("networking.istio.io/v1/Sidecar", Sidecar.class),
          Map.entry("networking.istio.io/v1/ServiceEntry", ServiceEntry.class),
          Map.entry("security.istio.io/v1/RequestAuthentication", RequestAuthentication.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry(
              "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy",
              ValidatingAdmissionPolicy.class),
          Map.entry(
              "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding",
              ValidatingAdmissionPolicyBinding.class),
          Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", ClusterRole.class),
          Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ClusterRoleBinding.class),
          Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
          Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .annotationIntrospector(new WithoutAnySetters())
          .build();

  private ModelConformance() {}

  /** The model class of {@code kind}, empty for kinds checked against a JSON schema instead. */
  public static Optional<Class<?>> modelOf(String apiVersion, String kind) {
    return Optional.ofNullable(MODELS.get(apiVersion + "/" + kind));
  }

  /**
   * Why {@code document} does not fit {@code model}: the file and the path of the field at fault;
   * empty when it fits.
   */
  public static Optional<String> violation(String file, JsonNode document, Class<?> model) {
    try {
      JsonNode roundTrip = STRICT.valueToTree(STRICT.treeToValue(document, model));
      return firstDifference(document, roundTrip, "")
          .map(field -> file + ": " + field + ": value not allowed by the model");
    } catch (UnrecognizedPropertyException e) {
      return Optional.of(
          file + ": unknown field '" + e.getPropertyName() + "' at " + path(e.getPath()));
    } catch (JsonMappingException e) {
      return Optional.of(file + ": " + path(e.getPath()) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      return Optional.of(file + ": " + e.getMessage());
    }
  }

  /** The path of the first value of {@code expected} that {@code actual} lacks or differs in. */
  private static Optional<String> firstDifference(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject() && actual.isObject()) {
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        Optional<String> difference =
            firstDifference(field.getValue(), actual.path(field.getKey()), child);
        if (difference.isPresent()) {
          return difference;
        }
      }
      return Optional.empty();
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        Optional<String> difference =
            firstDifference(expected.get(i), actual.get(i), path + "[" + i + "]");
        if (difference.isPresent()) {
          return difference;
        }
      }
      return Optional.empty();
    }
    // 443 read as an int and written back from a long field is the same port
    boolean sameNumber =
        expected.isNumber()
            && actual.isNumber()
            && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    return sameNumber || expected.equals(actual) ? Optional.empty() : Optional.of(path);
  }

  private static String path(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /** Jackson's annotations minus {@code @JsonAnySetter}, so unknown fields are errors. */
  private static final class WithoutAnySetters extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean hasAnySetter(Annotated member) {
      return Boolean.FALSE;
    }
  }
}
