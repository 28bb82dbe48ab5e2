package io.agentruntime.operator.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form objects (a config file, an add-on's spec) as maps that keep their fields in the order
 * written, so every rendering of the same spec prints the same YAML: stable diffs for GitOps and
 * golden files.
 */
final class OrderedFields {

  private OrderedFields() {}

  /** A map of the {@code key, value} pairs, in the order given. */
  static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    List<Object> pairs = List.of(keysAndValues);
    for (int i = 0; i < pairs.size(); i += 2) {
      map.put((String) pairs.get(i), pairs.get(i + 1));
    }
    return map;
  }
}
