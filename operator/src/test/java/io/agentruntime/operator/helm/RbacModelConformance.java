package io.agentruntime.operator.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an RBAC object strictly against fabric8's typed {@code rbac.authorization.k8s.io/v1} model
 * (generated from Kubernetes' API), since {@code shared/schemas} holds no RBAC schema: every field
 * must be a field of the model (its catch-all "additional properties" map is switched off) and of
 * the model's type.
 */
final class RbacModelConformance {

  private static final Map<String, Class<?>> MODELS =
      Map.of(
          "ClusterRole", ClusterRole.class,
          "ClusterRoleBinding", ClusterRoleBinding.class,
          "Role", Role.class,
          "RoleBinding", RoleBinding.class);

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .annotationIntrospector(new WithoutAnySetters())
          .build();

  private RbacModelConformance() {}

  /** Whether {@code object} is an RBAC kind this class checks. */
  static boolean covers(JsonNode object) {
    return "rbac.authorization.k8s.io/v1".equals(object.path("apiVersion").asText())
        && MODELS.containsKey(object.path("kind").asText());
  }

  /** Why {@code object} does not fit its model: the field at fault; empty when it fits. */
  static Optional<String> violation(JsonNode object) {
    try {
      STRICT.treeToValue(object, MODELS.get(object.path("kind").asText()));
      return Optional.empty();
    } catch (UnrecognizedPropertyException e) {
      return Optional.of("unknown field '" + e.getPropertyName() + "' at " + e.getPathReference());
    } catch (JsonMappingException e) {
      return Optional.of(e.getPathReference() + ": " + e.getOriginalMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Optional.of(e.getOriginalMessage());
    }
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
