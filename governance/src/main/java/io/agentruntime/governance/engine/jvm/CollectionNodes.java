package io.agentruntime.governance.engine.jvm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Set and record literals, the set methods, attribute access and {@code has}. */
final class CollectionNodes {
  private CollectionNodes() {}

  /** {@code [a, b, ...]}: every element is evaluated, in order. */
  static final class SetLiteral extends Node {
    private final Node[] elements;

    SetLiteral(List<Node> elements) {
      this.elements = elements.toArray(Node[]::new);
    }

    @Override
    Object evaluate(JvmRequest request) {
      List<Object> values = new ArrayList<>(elements.length);
      for (Node element : elements) {
        values.add(element.evaluate(request));
      }
      return java.util.Collections.unmodifiableList(values);
    }

    @Override
    boolean foldable() {
      return allConstant(elements);
    }
  }

  /** {@code {a: x, b: y}}: every value is evaluated. */
  static final class RecordLiteral extends Node {
    private final String[] keys;
    private final Node[] values;

    RecordLiteral(Map<String, Node> entries) {
      this.keys = entries.keySet().toArray(String[]::new);
      this.values = entries.values().toArray(Node[]::new);
    }

    @Override
    Object evaluate(JvmRequest request) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (int i = 0; i < keys.length; i++) {
        record.put(keys[i], values[i].evaluate(request));
      }
      return java.util.Collections.unmodifiableMap(record);
    }

    @Override
    boolean foldable() {
      return allConstant(values);
    }
  }

  /** {@code set.contains(x)}, {@code .containsAll(s)}, {@code .containsAny(s)}. */
  static final class SetTest extends Node {
    enum Method {
      CONTAINS,
      CONTAINS_ALL,
      CONTAINS_ANY
    }

    private final Node set;
    private final Node argument;
    private final Method method;

    SetTest(Node set, Node argument, Method method) {
      this.set = set;
      this.argument = argument;
      this.method = method;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object a = set.evaluate(request);
      Object b = argument.evaluate(request);
      Collection<?> elements = asSet(a);
      return switch (method) {
        case CONTAINS -> Values.contains(elements, b);
        case CONTAINS_ALL -> Values.containsAll(elements, asSet(b));
        case CONTAINS_ANY -> Values.containsAny(elements, asSet(b));
      };
    }
  }

  /** {@code set.isEmpty()}. */
  static final class IsEmpty extends Node {
    private final Node set;

    IsEmpty(Node set) {
      this.set = set;
    }

    @Override
    Object evaluate(JvmRequest request) {
      return Values.isEmpty(asSet(set.evaluate(request)));
    }
  }

  /**
   * {@code e.attr} and {@code e has attr} on a record or an entity. Entities here carry no
   * attributes, so only a record can have one.
   */
  static final class Attribute extends Node {
    private final Node target;
    private final String attribute;
    private final boolean has;

    Attribute(Node target, String attribute, boolean has) {
      this.target = target;
      this.attribute = attribute;
      this.has = has;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object value = target.evaluate(request);
      if (value instanceof Map<?, ?> record) {
        Object found = record.get(attribute);
        if (has) {
          return found != null;
        }
        if (found == null) {
          throw EvaluationError.missingAttribute(record, attribute);
        }
        return found;
      }
      if (value instanceof EntityUid uid) {
        if (has) {
          return false;
        }
        throw EntityNodes.missing(request, uid, attribute, "attribute");
      }
      throw EvaluationError.typeError("record, (entity of type `any_entity_type`)", value);
    }
  }

  /** {@code e like "pattern"}. */
  static final class Like extends Node {
    private final Node target;
    private final LikePattern pattern;

    Like(Node target, LikePattern pattern) {
      this.target = target;
      this.pattern = pattern;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object value = target.evaluate(request);
      if (value instanceof String text) {
        return pattern.matches(text);
      }
      throw EvaluationError.typeError(CedarType.STRING, value);
    }
  }

  static Collection<?> asSet(Object value) {
    if (value instanceof Collection<?> set) {
      return set;
    }
    throw EvaluationError.typeError(CedarType.SET, value);
  }
}
