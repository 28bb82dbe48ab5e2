package io.agentruntime.cli.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Optional;

/** The demo server's tools: what {@code tools/list} shows and what each call answers. */
final class DemoTools {

  private DemoTools() {}

  static JsonArray list() {
    return new JsonArray()
        .add(tool("echo", "Answers its text", properties("text", "string")))
        .add(tool("add", "Adds two numbers", properties("a", "number").put("b", number())))
        .add(
            tool(
                "delete_repo",
                "Deletes a repository (the demo only says which)",
                properties("repo", "string")));
  }

  /** The text a call answers; empty for an unknown tool. */
  static Optional<String> call(String name, JsonObject arguments) {
    return switch (name) {
      case "echo" -> Optional.of(String.valueOf(arguments.getValue("text")));
      case "add" -> Optional.of(sum(arguments.getValue("a"), arguments.getValue("b")));
      case "delete_repo" ->
          Optional.of("would delete repository " + arguments.getValue("repo") + " (demo)");
      default -> Optional.empty();
    };
  }

  private static String sum(Object a, Object b) {
    BigDecimal sum = decimal(a).add(decimal(b));
    return sum.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof Number number ? new BigDecimal(number.toString()) : BigDecimal.ZERO;
  }

  private static JsonObject number() {
    return new JsonObject().put("type", "number");
  }

  private static JsonObject properties(String name, String type) {
    return new JsonObject().put(name, new JsonObject().put("type", type));
  }

  private static JsonObject tool(String name, String description, JsonObject properties) {
    return new JsonObject()
        .put("name", name)
        .put("description", description)
        .put(
            "inputSchema",
            new JsonObject()
                .put("type", "object")
                .put("properties", properties)
                .put("required", new JsonArray(properties.fieldNames().stream().toList())));
  }
}
