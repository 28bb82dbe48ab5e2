package io.agentruntime.governance.engine.jvm;

/**
 * Cedar's {@code ipaddr}: an IPv4 or IPv6 address with a prefix length, compared as written (the
 * host bits are kept, so {@code 10.0.0.1/24} and {@code 10.0.0.0/24} differ, as in Cedar).
 *
 * @param v6 whether this is an IPv6 address
 * @param high the upper 64 bits of an IPv6 address, 0 for IPv4
 * @param low the lower 64 bits of an IPv6 address, or the 32 bits of an IPv4 address
 * @param prefix the prefix length
 */
record IpAddress(boolean v6, long high, long low, int prefix) {
  private static final int MAX_TEXT_LENGTH = 43;

  /**
   * Parses an address as Cedar's {@code ip()} does: Rust's strict address syntax (no leading zeros
   * in IPv4 octets, no IPv4-in-IPv6, no zone), then an optional {@code /prefix}.
   *
   * @throws EvaluationError when the text is not such an address
   */
  static IpAddress parse(String text) {
    if (utf8Length(text) > MAX_TEXT_LENGTH) {
      throw error(
          "error parsing IP address from string `" + text + "`: string length is too large");
    }
    if (count(text, ':') >= 2 && count(text, '.') >= 2) {
      throw error(
          "error parsing IP address from string: We do not accept IPv4 embedded in IPv6 (e.g.,"
              + " ::ffff:127.0.0.1). Found: `"
              + text
              + "`");
    }
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    IpAddress parsed = IpAddressSyntax.parse(address);
    if (parsed == null) {
      throw error(
          slash < 0
              ? "invalid IP address: " + text
              : "error parsing IP address from the string `"
                  + address
                  + "`: invalid IP address syntax");
    }
    if (slash < 0) {
      return parsed;
    }
    int prefix = prefix(text.substring(slash + 1), parsed.v6 ? 128 : 32, parsed.v6 ? 3 : 2);
    return new IpAddress(parsed.v6, parsed.high, parsed.low, prefix);
  }

  private static int prefix(String text, int max, int maxLength) {
    if (text.length() > maxLength) {
      throw error("error parsing prefix: string length " + text.length() + " is too large");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw error("error parsing prefix `" + text + "`: encountered non-digit");
      }
    }
    if (text.startsWith("0") && !text.equals("0")) {
      throw error("error parsing prefix `" + text + "`: leading zero(s)");
    }
    if (text.isEmpty()) {
      throw error(
          "error parsing prefix from the string ``: cannot parse integer from empty string");
    }
    int prefix = Integer.parseInt(text);
    if (prefix > 255) {
      throw error(
          "error parsing prefix from the string `"
              + text
              + "`: number too large to fit in target type");
    }
    if (prefix > max) {
      throw error("error parsing prefix: " + prefix + " is larger than the limit " + max);
    }
    return prefix;
  }

  boolean isLoopback() {
    if (v6) {
      return high == 0 && low == 1 && prefix >= 128;
    }
    return (low >>> 24) == 127 && prefix >= 8;
  }

  boolean isMulticast() {
    if (v6) {
      return (high >>> 56) == 0xff && prefix >= 8;
    }
    return (low >>> 28) == 0xe && prefix >= 4;
  }

  /** Whether this address's range lies within {@code other}'s. */
  boolean isInRange(IpAddress other) {
    if (v6 != other.v6) {
      return false;
    }
    if (!v6) {
      long selfNetwork = low & mask32(prefix);
      long otherNetwork = other.low & mask32(other.prefix);
      long selfBroadcast = low | (~mask32(prefix) & 0xffff_ffffL);
      long otherBroadcast = other.low | (~mask32(other.prefix) & 0xffff_ffffL);
      return otherNetwork <= selfNetwork && selfBroadcast <= otherBroadcast;
    }
    long selfNetHigh = high & mask64(prefix);
    long selfNetLow = low & mask64(prefix - 64);
    long otherNetHigh = other.high & mask64(other.prefix);
    long otherNetLow = other.low & mask64(other.prefix - 64);
    long selfBcHigh = high | ~mask64(prefix);
    long selfBcLow = low | ~mask64(prefix - 64);
    long otherBcHigh = other.high | ~mask64(other.prefix);
    long otherBcLow = other.low | ~mask64(other.prefix - 64);
    return compareUnsigned128(otherNetHigh, otherNetLow, selfNetHigh, selfNetLow) <= 0
        && compareUnsigned128(selfBcHigh, selfBcLow, otherBcHigh, otherBcLow) <= 0;
  }

  private static long mask32(int prefix) {
    return prefix == 0 ? 0 : (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL;
  }

  /** The network mask of the 64 bits a prefix of {@code bits} covers (clamped to 0..64). */
  private static long mask64(int bits) {
    if (bits <= 0) {
      return 0;
    }
    return bits >= 64 ? -1L : -1L << (64 - bits);
  }

  private static int compareUnsigned128(long aHigh, long aLow, long bHigh, long bLow) {
    int high = Long.compareUnsigned(aHigh, bHigh);
    return high != 0 ? high : Long.compareUnsigned(aLow, bLow);
  }

  private static int count(String text, char c) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        count++;
      }
    }
    return count;
  }

  private static int utf8Length(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }

  private static EvaluationError error(String message) {
    return new EvaluationError("error while evaluating `ipaddr` extension function: " + message);
  }

  @Override
  public String toString() {
    return "ip(\"" + IpAddressSyntax.format(this) + "/" + prefix + "\")";
  }
}
