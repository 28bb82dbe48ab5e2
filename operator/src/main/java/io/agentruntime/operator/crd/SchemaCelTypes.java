package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL types the API server gives the values a structural schema describes, as Kubernetes'
 * {@code SchemaDeclType} does: objects become structs whose fields are the escaped property names,
 * maps and lists keep their element type, int-or-string is {@code dyn}, {@code date-time} a
 * timestamp. A schema without a type (only preserved unknown fields) is not exposed.
 *
 * <p>Each struct is named after its schema path, and every one is served by {@link #provider()}.
 */
final class SchemaCelTypes {

  private final Map<String, StructType> structs = new LinkedHashMap<>();

  /** The type of values of {@code node}, found at {@code path}; empty when CEL cannot see them. */
  Optional<CelType> typeOf(SchemaNode node, String path) {
    if (node.intOrString()) {
      return Optional.of(SimpleType.DYN);
    }
    return switch (node.type()) {
      case "array" ->
          node.element().flatMap(items -> typeOf(items, path + "[*]")).map(ListType::create);
      case "object" -> Optional.of(objectType(node, path));
      case "string" -> Optional.of(stringType(node.schema()));
      case "boolean" -> Optional.of(SimpleType.BOOL);
      case "number" -> Optional.of(SimpleType.DOUBLE);
      case "integer" -> Optional.of(SimpleType.INT);
      default -> Optional.empty();
    };
  }

  /** Serves the struct types made so far, by name. */
  CelTypeProvider provider() {
    return new CelTypeProvider() {
      @Override
      public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(structs.values());
      }

      @Override
      public Optional<CelType> findType(String name) {
        return Optional.ofNullable(structs.get(name));
      }
    };
  }

  private CelType objectType(SchemaNode node, String path) {
    if (node.isMap()) {
      CelType values =
          node.element().flatMap(element -> typeOf(element, path + "[*]")).orElse(SimpleType.DYN);
      return MapType.create(SimpleType.STRING, values);
    }
    Map<String, CelType> fields = new LinkedHashMap<>();
    if (node.resourceRoot()) {
      fields.put("apiVersion", SimpleType.STRING);
      fields.put("kind", SimpleType.STRING);
      fields.put("metadata", metadataType(path));
    }
    for (Map.Entry<String, JsonNode> property : node.schema().path("properties").properties()) {
      var name = CelNames.escape(property.getKey());
      var type = typeOf(SchemaNode.of(property.getValue()), path + "." + property.getKey());
      if (name.isPresent() && type.isPresent()) {
        fields.put(name.get(), type.get());
      }
    }
    return struct(path, fields);
  }

  /** What rules may read of a resource's metadata: its name and generateName. */
  private CelType metadataType(String path) {
    return struct(
        path + ".metadata", Map.of("name", SimpleType.STRING, "generateName", SimpleType.STRING));
  }

  private CelType struct(String path, Map<String, CelType> fields) {
    String name = "schema." + path.replaceAll("[^A-Za-z0-9_.]", "_");
    StructType struct =
        StructType.create(
            name,
            ImmutableSet.copyOf(fields.keySet()),
            field -> Optional.ofNullable(fields.get(field)));
    structs.put(name, struct);
    return struct;
  }

  private static CelType stringType(JsonNode schema) {
    return switch (schema.path("format").asText("")) {
      case "byte" -> SimpleType.BYTES;
      case "duration" -> SimpleType.DURATION;
      case "date", "date-time" -> SimpleType.TIMESTAMP;
      default -> SimpleType.STRING;
    };
  }
}
