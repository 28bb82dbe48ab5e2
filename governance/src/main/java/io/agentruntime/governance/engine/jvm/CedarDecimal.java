package io.agentruntime.governance.engine.jvm;

/**
 * Cedar's {@code decimal}: a 64-bit count of ten-thousandths.
 *
 * @param units the value times 10,000
 */
record CedarDecimal(long units) {
  static final int SCALE = 4;
  private static final long ONE = 10_000;

  /**
   * Parses Cedar's decimal literal: {@code -?digits.digits} with one to four fraction digits.
   *
   * @throws EvaluationError when the text is not a decimal or is out of range
   */
  static CedarDecimal parse(String text) {
    int dot = text.indexOf('.');
    boolean negative = text.startsWith("-");
    int wholeStart = negative ? 1 : 0;
    if (dot < 0
        || !digits(text, wholeStart, dot)
        || !digits(text, dot + 1, text.length())
        || text.indexOf('.', dot + 1) >= 0) {
      throw error("`" + text + "` is not a well-formed decimal value");
    }
    if (!isAscii(text)) {
      // Cedar's pattern accepts any Unicode digit, but its integer parser only ASCII ones.
      throw error("overflow when converting to decimal");
    }
    if (text.length() - dot - 1 > SCALE) {
      throw error("too many digits after the decimal in `" + text + "`");
    }
    try {
      long whole = Math.multiplyExact(Long.parseLong(text.substring(0, dot)), ONE);
      long fraction = Long.parseLong(text.substring(dot + 1));
      for (int i = text.length() - dot - 1; i < SCALE; i++) {
        fraction *= 10;
      }
      return new CedarDecimal(
          negative ? Math.subtractExact(whole, fraction) : Math.addExact(whole, fraction));
    } catch (ArithmeticException | NumberFormatException e) {
      throw error("overflow when converting to decimal");
    }
  }

  private static boolean digits(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(text.codePointAt(i))) {
        return false;
      }
      i += Character.charCount(text.codePointAt(i)) - 1;
    }
    return true;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static EvaluationError error(String message) {
    return new EvaluationError("error while evaluating `decimal` extension function: " + message);
  }

  @Override
  public String toString() {
    long abs = Math.abs((long) units);
    String sign = units < 0 ? "-" : "";
    // Long.MIN_VALUE has no positive counterpart: print through unsigned arithmetic.
    String whole = Long.toUnsignedString(Long.divideUnsigned(abs, ONE));
    long fraction = Long.remainderUnsigned(abs, ONE);
    return "decimal(\"" + sign + whole + "." + String.format("%04d", fraction) + "\")";
  }
}
