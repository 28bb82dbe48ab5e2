package io.agentruntime.governance.engine;

import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.Decimal;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a JSON-like request context into Cedar values.
 *
 * <p>Strings, booleans, lists (Cedar sets) and maps (Cedar records) map directly. Numbers with an
 * integral value become Cedar longs; others become Cedar {@code decimal}s when Cedar can represent
 * them (at most 4 fraction digits, 64-bit range), otherwise the request fails. JSON nulls are left
 * out. Nesting is bounded so hostile bodies cannot exhaust the stack here or in Cedar.
 */
final class ContextConverter {
  static final int MAX_DEPTH = 32;
  private static final int DECIMAL_SCALE = 4;
  private static final BigDecimal DECIMAL_MIN =
      new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), DECIMAL_SCALE);
  private static final BigDecimal DECIMAL_MAX =
      new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), DECIMAL_SCALE);

  private ContextConverter() {}

  /** The Cedar context for {@code context}; a null context is empty. */
  static Map<String, Value> convert(Map<String, Object> context) throws ContextConversionException {
    if (context == null) {
      return Map.of();
    }
    return Collections.unmodifiableMap(convertRecord(context, "context", 1));
  }

  private static Map<String, Value> convertRecord(Map<?, ?> map, String path, int depth)
      throws ContextConversionException {
    Map<String, Value> record = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new ContextConversionException(
            path + ": keys must be strings, got " + entry.getKey());
      }
      Value value = convertValue(entry.getValue(), path + "." + key, depth);
      if (value != null) {
        record.put(key, value);
      }
    }
    return record;
  }

  private static Value convertValue(Object value, String path, int depth)
      throws ContextConversionException {
    return switch (value) {
      case null -> null;
      case String s -> new PrimString(s);
      case Boolean b -> new PrimBool(b);
      case Number n -> convertNumber(n, path);
      case Map<?, ?> m -> new CedarMap(convertRecord(m, path, nested(path, depth)));
      case Collection<?> c -> new CedarList(convertSet(c, path, nested(path, depth)));
      default ->
          throw new ContextConversionException(
              path + ": unsupported value type " + value.getClass().getSimpleName());
    };
  }

  private static List<Value> convertSet(Collection<?> elements, String path, int depth)
      throws ContextConversionException {
    List<Value> set = new ArrayList<>(elements.size());
    int index = 0;
    for (Object element : elements) {
      Value value = convertValue(element, path + "[" + index++ + "]", depth);
      if (value != null) {
        set.add(value);
      }
    }
    return set;
  }

  private static int nested(String path, int depth) throws ContextConversionException {
    if (depth >= MAX_DEPTH) {
      throw new ContextConversionException(
          path + ": nested deeper than " + MAX_DEPTH + " levels, the context limit");
    }
    return depth + 1;
  }

  /** Whether {@code number} converts to a Cedar long or decimal. */
  static boolean representable(Number number) {
    try {
      convertNumber(number, "");
      return true;
    } catch (ContextConversionException e) {
      return false;
    }
  }

  private static Value convertNumber(Number number, String path) throws ContextConversionException {
    BigDecimal exact = exactValue(number, path).stripTrailingZeros();
    if (exact.scale() <= 0) {
      try {
        return new PrimLong(exact.longValueExact());
      } catch (ArithmeticException e) {
        throw new ContextConversionException(
            path + ": " + number + " is outside Cedar's long range");
      }
    }
    if (exact.scale() > DECIMAL_SCALE
        || exact.compareTo(DECIMAL_MIN) < 0
        || exact.compareTo(DECIMAL_MAX) > 0) {
      throw new ContextConversionException(
          path
              + ": "
              + number
              + " is not representable as a Cedar decimal (at most "
              + DECIMAL_SCALE
              + " fraction digits)");
    }
    return new Decimal(exact.toPlainString());
  }

  private static BigDecimal exactValue(Number number, String path)
      throws ContextConversionException {
    return switch (number) {
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      case BigInteger big -> new BigDecimal(big);
      case BigDecimal big -> big;
      default -> finiteDecimal(number.doubleValue(), path);
    };
  }

  private static BigDecimal finiteDecimal(double value, String path)
      throws ContextConversionException {
    if (!Double.isFinite(value)) {
      throw new ContextConversionException(path + ": " + value + " is not a finite number");
    }
    // Double.toString gives the shortest decimal that round-trips, i.e. what the JSON said.
    return new BigDecimal(Double.toString(value));
  }
}
