package io.agentruntime.governance.engine.jvm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code "Value"} of Cedar's JSON policy format into the values decisions compare. */
final class LiteralValues {
  private LiteralValues() {}

  static Object of(JsonNode value) throws UnsupportedPolicyException {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isArray()) {
      List<Object> elements = new ArrayList<>();
      for (JsonNode element : value) {
        elements.add(of(element));
      }
      return Collections.unmodifiableList(elements);
    }
    if (value.isObject()) {
      return object(value);
    }
    throw new UnsupportedPolicyException("literal " + ExpressionCompiler.abbreviate(value));
  }

  private static Object object(JsonNode value) throws UnsupportedPolicyException {
    if (value.has("__entity")) {
      return ScopeCompiler.uid(value);
    }
    if (value.has("__extn") || value.has("__expr")) {
      throw new UnsupportedPolicyException("literal " + ExpressionCompiler.abbreviate(value));
    }
    Map<String, Object> record = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      record.put(entry.getKey(), of(entry.getValue()));
    }
    return Collections.unmodifiableMap(record);
  }
}
