package io.agentruntime.runtime.governance;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * One JSON object of string, number and string-array members, appended to a StringBuilder: a
 * decision log line costs one builder and its string, and nothing else per member.
 */
final class JsonLine {
  private static final JsonStringEncoder ESCAPES = JsonStringEncoder.getInstance();

  private final StringBuilder out = new StringBuilder(256).append('{');

  JsonLine field(String name, String value) {
    name(name);
    return string(value);
  }

  JsonLine number(String name, long value) {
    name(name);
    out.append(value);
    return this;
  }

  JsonLine array(String name, List<String> values) {
    name(name);
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(values.get(i));
    }
    out.append(']');
    return this;
  }

  String end() {
    return out.append('}').toString();
  }

  private void name(String name) {
    if (out.length() > 1) {
      out.append(',');
    }
    string(name);
    out.append(':');
  }

  private JsonLine string(String value) {
    if (value == null) {
      out.append("null");
      return this;
    }
    out.append('"');
    if (needsEscapes(value)) {
      ESCAPES.quoteAsString(value, out);
    } else {
      out.append(value);
    }
    out.append('"');
    return this;
  }

  /**
   * Whether {@code value} holds a quote, a backslash or a control character: nearly none does, and
   * the rest is appended whole rather than a character at a time.
   */
  private static boolean needsEscapes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return true;
      }
    }
    return false;
  }
}
