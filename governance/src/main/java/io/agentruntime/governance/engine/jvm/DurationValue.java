package io.agentruntime.governance.engine.jvm;

/**
 * Cedar's {@code duration}: a signed count of milliseconds.
 *
 * @param millis the length in milliseconds
 */
record DurationValue(long millis) {
  private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
  private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

  /**
   * Parses Cedar's duration syntax: an optional {@code -}, then quantity-unit pairs in the order
   * {@code d h m s ms}, each at most once.
   *
   * @throws EvaluationError when the text is not a duration or overflows 64 bits
   */
  static DurationValue parse(String text) {
    boolean negative = text.startsWith("-");
    int position = negative ? 1 : 0;
    if (position == text.length()) {
      throw error("invalid duration pattern");
    }
    String[] quantities = new String[UNITS.length];
    int nextUnit = 0;
    while (position < text.length()) {
      int digitsEnd = position;
      while (digitsEnd < text.length() && isDigit(text.charAt(digitsEnd))) {
        digitsEnd++;
      }
      int unit = unitAt(text, digitsEnd);
      if (digitsEnd == position || unit < nextUnit) {
        throw error("invalid duration pattern");
      }
      quantities[unit] = text.substring(position, digitsEnd);
      nextUnit = unit + 1;
      position = digitsEnd + UNITS[unit].length();
    }
    return new DurationValue(total(quantities, negative));
  }

  private static long total(String[] quantities, boolean negative) {
    long[] values = new long[UNITS.length];
    for (int i = 0; i < UNITS.length; i++) {
      values[i] = quantities[i] == null ? 0 : unsignedValue(quantities[i]);
    }
    try {
      // Milliseconds first, then larger units, so overflow is detected exactly where Cedar's is:
      // "-9223372036854775808ms" is the one quantity that only fits negated.
      long millis = values[4];
      long total;
      if (negative) {
        total = millis == Long.MIN_VALUE ? Long.MIN_VALUE : Math.negateExact(positive(millis));
      } else {
        total = positive(millis);
      }
      for (int i = UNITS.length - 2; i >= 0; i--) {
        long part = Math.multiplyExact(positive(values[i]), UNIT_MILLIS[i]);
        total = negative ? Math.subtractExact(total, part) : Math.addExact(total, part);
      }
      return total;
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  private static long positive(long unsigned) {
    if (unsigned < 0) {
      throw new ArithmeticException("over 63 bits");
    }
    return unsigned;
  }

  /** The quantity as an unsigned 64-bit value; negative (as signed) when it exceeds a long. */
  private static long unsignedValue(String digits) {
    try {
      return Long.parseUnsignedLong(digits);
    } catch (NumberFormatException e) {
      throw overflow();
    }
  }

  /** The unit starting at {@code index}, or -1; {@code ms} wins over {@code m}. */
  private static int unitAt(String text, int index) {
    if (text.startsWith("ms", index)) {
      return 4;
    }
    if (index >= text.length()) {
      return -1;
    }
    return switch (text.charAt(index)) {
      case 'd' -> 0;
      case 'h' -> 1;
      case 'm' -> 2;
      case 's' -> 3;
      default -> -1;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static EvaluationError overflow() {
    return error("Duration overflows internal representation");
  }

  private static EvaluationError error(String message) {
    return new EvaluationError("error while evaluating `duration` extension function: " + message);
  }

  long toSeconds() {
    return millis / 1000;
  }

  long toMinutes() {
    return toSeconds() / 60;
  }

  long toHours() {
    return toMinutes() / 60;
  }

  long toDays() {
    return toHours() / 24;
  }

  @Override
  public String toString() {
    return "duration(\"" + millis + "ms\")";
  }
}
