package io.agentruntime.operator.crd;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the API server names a schema property in CEL: an identifier, with {@code __} {@code .}
 * {@code -} {@code /} and CEL's reserved words escaped; a property whose name has other characters
 * is not accessible (Kubernetes' {@code apiservercel.Escape}).
 */
final class CelNames {

  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private static final Pattern ESCAPES = Pattern.compile("__(underscores|dot|dash|slash)__");

  private static final Pattern ESCAPABLE = Pattern.compile("[a-zA-Z_.\\-/][a-zA-Z0-9_.\\-/]*");

  private CelNames() {}

  /** The CEL field name of the property {@code name}; empty when CEL cannot reach it. */
  static Optional<String> escape(String name) {
    if (RESERVED.contains(name)) {
      return Optional.of("__" + name + "__");
    }
    if (!ESCAPABLE.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        name.replace("__", "__underscores__")
            .replace(".", "__dot__")
            .replace("-", "__dash__")
            .replace("/", "__slash__"));
  }

  /** The property a CEL field name stands for: {@link #escape} undone. */
  static String unescape(String field) {
    if (field.startsWith("__") && field.endsWith("__") && RESERVED.contains(strip(field))) {
      return strip(field);
    }
    return ESCAPES
        .matcher(field)
        .replaceAll(
            match ->
                switch (match.group(1)) {
                  case "dot" -> ".";
                  case "dash" -> "-";
                  case "slash" -> "/";
                  default -> "__";
                });
  }

  private static String strip(String field) {
    return field.length() > 4 ? field.substring(2, field.length() - 2) : field;
  }
}
