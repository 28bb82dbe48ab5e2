package io.agentruntime.governance.engine;

import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import java.util.Map;

/**
 * Writes a converted context as one compact string for the decision memo.
 *
 * <p>Every value is written with a type-distinguishing prefix and strings are quoted with {@code "}
 * and {@code \} escaped, so two contexts produce the same string only if Cedar would see the same
 * values: the memo can never hand one request another request's decision. Key order is kept as
 * given, so the same record in another order is merely a memo miss. A single string keeps the memo
 * cheap for the garbage collector compared with retaining the converted value graph.
 */
final class CanonicalContext {
  private CanonicalContext() {}

  static String of(Map<String, Value> context) {
    StringBuilder out = new StringBuilder(64);
    writeRecord(context, out);
    return out.toString();
  }

  private static void writeRecord(Map<String, Value> record, StringBuilder out) {
    out.append('{');
    for (Map.Entry<String, Value> entry : record.entrySet()) {
      writeString(entry.getKey(), out);
      out.append(':');
      writeValue(entry.getValue(), out);
      out.append(',');
    }
    out.append('}');
  }

  private static void writeValue(Value value, StringBuilder out) {
    switch (value) {
      case PrimString s -> writeString(s.toString(), out);
      case PrimLong l -> out.append('l').append(l.getValue());
      case PrimBool b -> out.append(b.getValue() ? 't' : 'f');
      case CedarMap map -> writeRecord(map, out);
      case CedarList list -> {
        out.append('[');
        for (Value element : list) {
          writeValue(element, out);
          out.append(',');
        }
        out.append(']');
      }
      // Decimals, and any other value: Cedar's own expression syntax is unambiguous.
      default -> out.append('x').append(value.toCedarExpr());
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }
}
