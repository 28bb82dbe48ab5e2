package io.agentruntime.governance.engine.jvm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Cedar's view of the Java objects a decision reads: the runtime's parsed JSON (maps, lists,
 * strings, numbers, booleans, nulls) and the values policies build ({@link EntityUid}, {@link
 * CedarDecimal}, {@link IpAddress}, {@link DateTimeValue}, {@link DurationValue}).
 *
 * <p>The mapping is the one the Cedar path applies when it converts a context: a JSON number with
 * an integral value is a {@code long}, any other a {@code decimal}; a list is a set; a map is a
 * record; a {@code null} (as a record value or set element) is absent. Reading the objects in place
 * is what keeps a decision free of a conversion pass; the request's context was checked beforehand
 * ({@link ContextCheck}), so every number here is representable.
 */
final class Values {
  /** Doubles below this magnitude with an integral value are exactly that long. */
  private static final double EXACT_DOUBLE_LIMIT = 0x1p53;

  private Values() {}

  static CedarType typeOf(Object value) {
    return switch (value) {
      case Boolean b -> CedarType.BOOL;
      case String s -> CedarType.STRING;
      case Integer i -> CedarType.LONG;
      case Long l -> CedarType.LONG;
      case Number n -> isIntegral(n) ? CedarType.LONG : CedarType.DECIMAL;
      case EntityUid e -> CedarType.ENTITY;
      case Collection<?> c -> CedarType.SET;
      case Map<?, ?> m -> CedarType.RECORD;
      case CedarDecimal d -> CedarType.DECIMAL;
      case IpAddress ip -> CedarType.IPADDR;
      case DateTimeValue d -> CedarType.DATETIME;
      case DurationValue d -> CedarType.DURATION;
      default -> throw new IllegalStateException("not a Cedar value: " + value.getClass());
    };
  }

  static boolean isLong(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || (value instanceof Number n && isIntegral(n));
  }

  /** The long value of an object for which {@link #isLong} holds. */
  static long longValue(Object value) {
    return switch (value) {
      case Integer i -> i;
      case Long l -> l;
      case Short s -> s;
      case Byte b -> b;
      case Double d when Math.abs(d) < EXACT_DOUBLE_LIMIT -> (long) d.doubleValue();
      default -> exact((Number) value).longValueExact();
    };
  }

  /** The decimal value, in ten-thousandths, of a number that is not integral. */
  static long decimalUnits(Object value) {
    if (value instanceof CedarDecimal d) {
      return d.units();
    }
    return exact((Number) value).movePointRight(CedarDecimal.SCALE).longValueExact();
  }

  private static boolean isIntegral(Number number) {
    return switch (number) {
      case Short s -> true;
      case Byte b -> true;
      case BigInteger big -> true;
      case Double d when Math.abs(d) < EXACT_DOUBLE_LIMIT -> d == Math.rint(d);
      default -> exact(number).stripTrailingZeros().scale() <= 0;
    };
  }

  // The same reading of a number as the Cedar path's context conversion, so both agree exactly.
  private static BigDecimal exact(Number number) {
    return switch (number) {
      case BigDecimal big -> big;
      case BigInteger big -> new BigDecimal(big);
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      default -> new BigDecimal(Double.toString(number.doubleValue()));
    };
  }

  /** Cedar's {@code ==}: values of different types are unequal, never an error. */
  static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    }
    CedarType type = typeOf(a);
    if (type != typeOf(b)) {
      return false;
    }
    return switch (type) {
      case LONG -> longValue(a) == longValue(b);
      case DECIMAL -> decimalUnits(a) == decimalUnits(b);
      case SET -> setEqual((Collection<?>) a, (Collection<?>) b);
      case RECORD -> recordEqual((Map<?, ?>) a, (Map<?, ?>) b);
      default -> a.equals(b);
    };
  }

  /** Whether the set holds an element equal to {@code value}; nulls are not elements. */
  static boolean contains(Collection<?> set, Object value) {
    for (Object element : set) {
      if (element != null && equal(element, value)) {
        return true;
      }
    }
    return false;
  }

  static boolean containsAll(Collection<?> set, Collection<?> elements) {
    for (Object element : elements) {
      if (element != null && !contains(set, element)) {
        return false;
      }
    }
    return true;
  }

  static boolean containsAny(Collection<?> set, Collection<?> elements) {
    for (Object element : elements) {
      if (element != null && contains(set, element)) {
        return true;
      }
    }
    return false;
  }

  static boolean isEmpty(Collection<?> set) {
    for (Object element : set) {
      if (element != null) {
        return false;
      }
    }
    return true;
  }

  private static boolean setEqual(Collection<?> a, Collection<?> b) {
    return containsAll(a, b) && containsAll(b, a);
  }

  private static boolean recordEqual(Map<?, ?> a, Map<?, ?> b) {
    if (presentCount(a) != presentCount(b)) {
      return false;
    }
    for (Map.Entry<?, ?> entry : a.entrySet()) {
      Object value = entry.getValue();
      if (value != null) {
        Object other = b.get(entry.getKey());
        if (other == null || !equal(value, other)) {
          return false;
        }
      }
    }
    return true;
  }

  private static int presentCount(Map<?, ?> record) {
    int count = 0;
    for (Object value : record.values()) {
      if (value != null) {
        count++;
      }
    }
    return count;
  }
}
