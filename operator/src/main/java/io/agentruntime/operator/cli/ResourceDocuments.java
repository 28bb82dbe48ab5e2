package io.agentruntime.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.ResourceValue;
import io.agentruntime.operator.crd.CrdSchema;
import io.agentruntime.operator.validation.ValidationError;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the AgentRuntime and GovernancePolicy documents of a YAML stream, each checked first
 * against its generated CRD as the API server would check it ({@link CrdSchema}: types, required
 * fields, enums, bounds, patterns, sizes and CEL rules), so what a cluster refuses is refused here
 * with the same field named. Unlike the API server, which silently prunes unknown fields, it
 * rejects them: a misspelt field would otherwise vanish from the rendering.
 */
final class ResourceDocuments {

  private static final String API_VERSION = AgentRuntime.GROUP + "/" + AgentRuntime.VERSION;

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The kinds read, by name. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of("AgentRuntime", AgentRuntime.class, "GovernancePolicy", GovernancePolicy.class);

  /** One document: the resource, or the errors that kept it from being read. */
  record Document(int number, HasMetadata resource, List<ValidationError> errors) {}

  private ResourceDocuments() {}

  /** Every non-empty document of {@code yaml}, numbered from 1. */
  static List<Document> read(Reader yaml) throws IOException {
    List<Document> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> nodes = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      int number = 0;
      while (nodes.hasNextValue()) {
        JsonNode node = nodes.nextValue();
        number++;
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          documents.add(convert(number, node));
        }
      }
    }
    return documents;
  }

  private static Document convert(int number, JsonNode node) {
    String apiVersion = node.path("apiVersion").asText();
    String kind = node.path("kind").asText();
    Class<? extends HasMetadata> type = KINDS.get(kind);
    if (!API_VERSION.equals(apiVersion) || type == null) {
      String found = kind.isEmpty() ? "no kind" : apiVersion + " " + kind;
      return failed(
          number,
          "kind",
          "expected " + API_VERSION + " AgentRuntime or GovernancePolicy, found " + found);
    }
    List<ValidationError> refusals =
        CrdSchema.generated(kind).refusals(node).stream().map(ResourceDocuments::refusal).toList();
    // Both are fixed by the class; binding them would only log that they are ignored.
    ((ObjectNode) node).remove(List.of("apiVersion", "kind"));
    try {
      return new Document(number, YAML.treeToValue(node, type), refusals);
    } catch (JsonMappingException e) {
      return refusals.isEmpty()
          ? failed(number, path(e), message(e))
          : new Document(number, null, refusals);
    } catch (JsonProcessingException e) {
      return failed(number, "document", e.getOriginalMessage());
    }
  }

  /** {@code spec.replicas.min: Invalid value: ...} as the field and what is wrong with it. */
  private static ValidationError refusal(String refusal) {
    int colon = refusal.indexOf(": ");
    return colon < 0
        ? new ValidationError("document", refusal)
        : new ValidationError(refusal.substring(0, colon), refusal.substring(colon + 2));
  }

  private static Document failed(int number, String field, String message) {
    return new Document(number, null, List.of(new ValidationError(field, message)));
  }

  /** Jackson's message, in the CRD's terms where it would otherwise name Java classes. */
  private static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
      List<String> accepted =
          Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(ResourceDocuments::written)
              .toList();
      return "'" + invalid.getValue() + "' is not one of " + String.join(", ", accepted);
    }
    return e.getOriginalMessage();
  }

  /** The field path Jackson stopped at, e.g. {@code spec.intents[0].backend.echo}. */
  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                ref ->
                    ref.getFieldName() != null
                        ? "." + ref.getFieldName()
                        : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining());
    return path.isEmpty() ? "document" : path.substring(1);
  }

  /** How a resource writes {@code constant}. */
  private static String written(Object constant) {
    return constant instanceof ResourceValue value ? value.value() : constant.toString();
  }
}
