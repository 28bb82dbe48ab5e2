package io.agentruntime.governance.engine.jvm;

/**
 * The address syntax Cedar accepts, which is Rust's {@code std::net} parser: dotted-quad IPv4 with
 * no leading zeros, and IPv6 with at most one {@code ::}. IPv4-in-IPv6 forms need two dots and two
 * colons, which {@link IpAddress#parse} rejects before it gets here.
 */
final class IpAddressSyntax {
  private final String text;
  private int position;

  private IpAddressSyntax(String text) {
    this.text = text;
  }

  /** The address with its full-length prefix, or null when {@code text} is not an address. */
  static IpAddress parse(String text) {
    IpAddressSyntax v4 = new IpAddressSyntax(text);
    long address = v4.ipv4();
    if (address >= 0 && v4.position == text.length()) {
      return new IpAddress(false, 0, address, 32);
    }
    IpAddressSyntax v6 = new IpAddressSyntax(text);
    int[] groups = v6.ipv6();
    if (groups == null || v6.position != text.length()) {
      return null;
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < 4; i++) {
      high = (high << 16) | groups[i];
      low = (low << 16) | groups[i + 4];
    }
    return new IpAddress(true, high, low, 128);
  }

  private long ipv4() {
    long address = 0;
    for (int i = 0; i < 4; i++) {
      if (i > 0 && !consume('.')) {
        return -1;
      }
      int octet = number(10, 3, false);
      if (octet < 0 || octet > 255) {
        return -1;
      }
      address = (address << 8) | octet;
    }
    return address;
  }

  private int[] ipv6() {
    int[] head = new int[8];
    int headSize = groups(head, 8);
    if (headSize == 8) {
      return head;
    }
    if (!consume(':') || !consume(':')) {
      return null;
    }
    int[] tail = new int[7];
    int tailSize = groups(tail, 8 - (headSize + 1));
    System.arraycopy(tail, 0, head, 8 - tailSize, tailSize);
    return head;
  }

  /** Reads up to {@code limit} colon-separated hex groups; returns how many it read. */
  private int groups(int[] into, int limit) {
    for (int i = 0; i < limit; i++) {
      int start = position;
      if (i > 0 && !consume(':')) {
        position = start;
        return i;
      }
      int group = number(16, 4, true);
      if (group < 0) {
        position = start;
        return i;
      }
      into[i] = group;
    }
    return limit;
  }

  /** A number of at most {@code maxDigits} digits, or -1 (position restored) when there is none. */
  private int number(int radix, int maxDigits, boolean allowZeroPrefix) {
    int start = position;
    int value = 0;
    int count = 0;
    while (position < text.length()) {
      int digit = digit(text.charAt(position), radix);
      if (digit < 0) {
        break;
      }
      position++;
      value = value * radix + digit;
      count++;
      if (count > maxDigits) {
        position = start;
        return -1;
      }
    }
    boolean leadingZero = count > 1 && text.charAt(start) == '0';
    if (count == 0 || (!allowZeroPrefix && leadingZero)) {
      position = start;
      return -1;
    }
    return value;
  }

  private static int digit(char c, int radix) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (radix == 16 && c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (radix == 16 && c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private boolean consume(char expected) {
    if (position < text.length() && text.charAt(position) == expected) {
      position++;
      return true;
    }
    return false;
  }

  /** The address part of an error message: dotted quad, or eight hex groups. */
  static String format(IpAddress address) {
    if (!address.v6()) {
      long a = address.low();
      return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      long half = i < 4 ? address.high() : address.low();
      int shift = 48 - 16 * (i % 4);
      out.append(i > 0 ? ":" : "").append(Long.toHexString((half >>> shift) & 0xffff));
    }
    return out.toString();
  }
}
