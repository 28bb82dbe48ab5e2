package io.agentruntime.runtime;

import io.netty.buffer.ByteBuf;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON value (maps and {@link JsonObject}s, lists and {@link JsonArray}s, strings,
 * booleans, null, and finite integers, longs, shorts, bytes, doubles and floats) as compact UTF-8
 * straight into a buffer, byte for byte as Jackson's generator writes it: the same escapes (a
 * backslash before a quote or a backslash; the short forms of backspace, tab, newline, form feed
 * and carriage return; a backslash, {@code u} and four upper-case hexadecimal digits for the other
 * control characters and for each half of a surrogate pair), other characters as UTF-8, numbers as
 * {@link Long#toString}, {@link Double#toString} and {@link Float#toString} spell them. A string of
 * plain ASCII, as nearly all are, is copied whole.
 *
 * <p>Anything else (a {@code BigDecimal}, an {@code Instant}, bytes, a non-finite number) stops it:
 * {@link #write} answers false, and the caller leaves the value to Jackson.
 */
final class JsonBytes {

  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private JsonBytes() {}

  /** Writes {@code value} to {@code out}; false (with {@code out} partly written) if it cannot. */
  static boolean write(Object value, ByteBuf out) {
    return switch (value) {
      case null -> {
        out.writeBytes(NULL);
        yield true;
      }
      case String string -> string(string, out);
      case JsonObject object -> object(object.getMap(), out);
      case Map<?, ?> map -> object(map, out);
      case JsonArray array -> array(array.getList(), out);
      case List<?> list -> array(list, out);
      case Boolean bool -> {
        out.writeBytes(bool ? TRUE : FALSE);
        yield true;
      }
      case Integer number -> ascii(Integer.toString(number), out);
      case Long number -> ascii(Long.toString(number), out);
      case Short number -> ascii(Short.toString(number), out);
      case Byte number -> ascii(Byte.toString(number), out);
      case Double number -> Double.isFinite(number) && ascii(Double.toString(number), out);
      case Float number -> Float.isFinite(number) && ascii(Float.toString(number), out);
      default -> false;
    };
  }

  private static boolean object(Map<?, ?> map, ByteBuf out) {
    out.writeByte('{');
    boolean first = true;
    for (Map.Entry<?, ?> member : map.entrySet()) {
      if (!first) {
        out.writeByte(',');
      }
      first = false;
      if (!(member.getKey() instanceof String name) || !string(name, out)) {
        return false;
      }
      out.writeByte(':');
      if (!write(member.getValue(), out)) {
        return false;
      }
    }
    out.writeByte('}');
    return true;
  }

  private static boolean array(List<?> list, ByteBuf out) {
    out.writeByte('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.writeByte(',');
      }
      if (!write(list.get(i), out)) {
        return false;
      }
    }
    out.writeByte(']');
    return true;
  }

  private static boolean ascii(String text, ByteBuf out) {
    out.writeCharSequence(text, StandardCharsets.US_ASCII);
    return true;
  }

  private static boolean string(String text, ByteBuf out) {
    out.writeByte('"');
    if (isPlainAscii(text)) {
      out.writeCharSequence(text, StandardCharsets.US_ASCII);
    } else {
      escaped(text, out);
    }
    out.writeByte('"');
    return true;
  }

  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static void escaped(String text, ByteBuf out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        asciiChar(c, out);
      } else if (c < 0x800) {
        out.writeByte(0xC0 | (c >> 6));
        out.writeByte(0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // Jackson escapes each half of a pair (and a lone half) rather than combining them
        unicodeEscape(c, out);
      } else {
        out.writeByte(0xE0 | (c >> 12));
        out.writeByte(0x80 | ((c >> 6) & 0x3F));
        out.writeByte(0x80 | (c & 0x3F));
      }
    }
  }

  private static void asciiChar(char c, ByteBuf out) {
    switch (c) {
      case '"', '\\' -> out.writeByte('\\').writeByte(c);
      case '\b' -> out.writeByte('\\').writeByte('b');
      case '\t' -> out.writeByte('\\').writeByte('t');
      case '\n' -> out.writeByte('\\').writeByte('n');
      case '\f' -> out.writeByte('\\').writeByte('f');
      case '\r' -> out.writeByte('\\').writeByte('r');
      default -> {
        if (c < 0x20) {
          unicodeEscape(c, out);
        } else {
          out.writeByte(c);
        }
      }
    }
  }

  private static void unicodeEscape(char c, ByteBuf out) {
    out.writeByte('\\').writeByte('u');
    out.writeByte(HEX[c >> 12]).writeByte(HEX[(c >> 8) & 0xF]);
    out.writeByte(HEX[(c >> 4) & 0xF]).writeByte(HEX[c & 0xF]);
  }
}
