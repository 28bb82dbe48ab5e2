package io.agentruntime.governance.engine;

import java.util.Collection;
import java.util.Map;

/**
 * Decides whether the JVM evaluator can read a request in place, or whether it must take the
 * cedar-java path, which alone defines how unusual content behaves:
 *
 * <ul>
 *   <li>content {@link ContextConverter} rejects (the request is then denied with its message);
 *   <li>record keys starting with {@code __}, which Cedar's JSON format reserves for escapes;
 *   <li>strings with unpaired UTF-16 surrogates, which cannot cross into Cedar unchanged.
 * </ul>
 *
 * <p>One walk over the context, allocating nothing for ordinary JSON values.
 */
final class ContextCheck {
  /** Doubles below this magnitude with an integral value are longs without further checks. */
  private static final double EXACT_DOUBLE_LIMIT = 0x1p53;

  private ContextCheck() {}

  static boolean readableInPlace(DecisionRequest request) {
    if (!wellFormed(request.principal())
        || !wellFormed(request.action())
        || !wellFormed(request.resource())) {
      return false;
    }
    for (String group : request.groups()) {
      if (!wellFormed(group)) {
        return false;
      }
    }
    return request.context() == null || record(request.context(), 1);
  }

  private static boolean record(Map<?, ?> record, int depth) {
    for (Map.Entry<?, ?> entry : record.entrySet()) {
      if (!(entry.getKey() instanceof String key) || key.startsWith("__") || !wellFormed(key)) {
        return false;
      }
      if (!value(entry.getValue(), depth)) {
        return false;
      }
    }
    return true;
  }

  private static boolean value(Object value, int depth) {
    return switch (value) {
      case null -> true;
      case String s -> wellFormed(s);
      case Boolean b -> true;
      case Integer i -> true;
      case Long l -> true;
      case Double d when Math.abs(d) < EXACT_DOUBLE_LIMIT && d == Math.rint(d) -> true;
      case Number n -> ContextConverter.representable(n);
      case Map<?, ?> m -> depth < ContextConverter.MAX_DEPTH && record(m, depth + 1);
      case Collection<?> c -> depth < ContextConverter.MAX_DEPTH && elements(c, depth + 1);
      default -> false;
    };
  }

  private static boolean elements(Collection<?> elements, int depth) {
    for (Object element : elements) {
      if (!value(element, depth)) {
        return false;
      }
    }
    return true;
  }

  private static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 == text.length()
            || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
