package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import dev.cel.common.values.CelByteString;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * A JSON value as CEL sees it through its schema ({@link SchemaCelTypes}): objects as maps keyed by
 * escaped property names (fields the schema does not declare are dropped, as the API server prunes
 * them), maps keyed by their own keys, integers as longs, {@code date-time} strings as timestamps.
 */
final class SchemaCelValues {

  private SchemaCelValues() {}

  /** {@code value} of schema {@code node} as a CEL value. */
  static Object of(JsonNode value, SchemaNode node) {
    if (node.intOrString()) {
      return value.isIntegralNumber() ? (Object) value.asLong() : value.asText();
    }
    return switch (node.type()) {
      case "array" -> list(value, node);
      case "object" -> node.isMap() ? map(value, node) : object(value, node);
      case "string" -> string(value, node.schema().path("format").asText(""));
      case "boolean" -> value.asBoolean();
      case "number" -> value.asDouble();
      case "integer" -> value.asLong();
      default -> value.toString();
    };
  }

  private static List<Object> list(JsonNode value, SchemaNode node) {
    List<Object> items = new ArrayList<>();
    SchemaNode element = node.element().orElseThrow();
    value.forEach(item -> items.add(of(item, element)));
    return items;
  }

  private static Map<String, Object> map(JsonNode value, SchemaNode node) {
    Map<String, Object> entries = new LinkedHashMap<>();
    SchemaNode element = node.element().orElseThrow();
    for (Entry<String, JsonNode> entry : value.properties()) {
      entries.put(entry.getKey(), of(entry.getValue(), element));
    }
    return entries;
  }

  private static Map<String, Object> object(JsonNode value, SchemaNode node) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (node.resourceRoot()) {
      putText(fields, "apiVersion", value.path("apiVersion"));
      putText(fields, "kind", value.path("kind"));
      Map<String, Object> metadata = new LinkedHashMap<>();
      putText(metadata, "name", value.path("metadata").path("name"));
      putText(metadata, "generateName", value.path("metadata").path("generateName"));
      fields.put("metadata", metadata);
    }
    for (Entry<String, JsonNode> property : node.schema().path("properties").properties()) {
      JsonNode field = value.path(property.getKey());
      var name = CelNames.escape(property.getKey());
      if (!field.isMissingNode() && !field.isNull() && name.isPresent()) {
        fields.put(name.get(), of(field, SchemaNode.of(property.getValue())));
      }
    }
    return fields;
  }

  private static Object string(JsonNode value, String format) {
    String text = value.asText();
    return switch (format) {
      case "byte" -> CelByteString.of(Base64.getDecoder().decode(text));
      case "date-time" -> timestamp(Instant.parse(text));
      case "date" -> timestamp(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
      default -> text;
    };
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  private static void putText(Map<String, Object> fields, String name, JsonNode value) {
    if (value.isTextual()) {
      fields.put(name, value.asText());
    }
  }
}
