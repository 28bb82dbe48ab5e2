package io.agentruntime.runtime.mcp;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.governance.RequestGovernor;
import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.identity.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cedar side of the gateway: each tool is the action {@code Action::"mcp:<server>/<tool>"} on
 * the runtime's resource, decided with the caller's principal and groups and a context holding the
 * tool call (docs/policies.md). A call is decided with its arguments; a listing decides every tool
 * listed with {@code listing: true} and no arguments, and keeps the tools the caller may call.
 */
final class ToolPolicy {

  private final RequestGovernor governor;

  ToolPolicy(RequestGovernor governor) {
    this.governor = governor;
  }

  /** The Cedar action of {@code tool} on {@code server}. */
  static String action(String server, String tool) {
    return "mcp:" + server + "/" + tool;
  }

  /** Decides one call, leaving its line in the decision log. */
  Decision decideCall(RequestIds ids, Principal principal, McpSession session, ToolCall call) {
    return governor.decideAction(
        ids,
        principal,
        action(session.server(), call.name()),
        context(session, call.name(), call.policyArguments(), false),
        true);
  }

  /**
   * The answer to {@code tools/list} with only the tools {@code principal} may call. Listing
   * decisions are not logged one by one: a listing of fifty tools would drown the calls.
   *
   * @return the same answer when it holds no tool list
   */
  JsonObject filterListing(
      RequestIds ids, Principal principal, McpSession session, JsonObject answer) {
    if (!(answer.getValue("result") instanceof JsonObject result)
        || !(result.getValue("tools") instanceof JsonArray tools)) {
      return answer;
    }
    JsonArray allowed = new JsonArray();
    for (Object entry : tools) {
      if (entry instanceof JsonObject tool
          && tool.getValue("name") instanceof String name
          && governor
              .decideAction(
                  ids,
                  principal,
                  action(session.server(), name),
                  context(session, name, Map.of(), true),
                  false)
              .permitted()) {
        allowed.add(tool);
      }
    }
    return answer.copy().put("result", result.copy().put("tools", allowed));
  }

  /** The names of the tools in a listing answer. */
  static List<String> toolNames(JsonObject answer) {
    List<String> names = new ArrayList<>();
    if (answer.getValue("result") instanceof JsonObject result
        && result.getValue("tools") instanceof JsonArray tools) {
      for (Object entry : tools) {
        if (entry instanceof JsonObject tool && tool.getValue("name") instanceof String name) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static Map<String, Object> context(
      McpSession session, String tool, Map<String, Object> arguments, boolean listing) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("server", session.server());
    context.put("tool", tool);
    context.put("arguments", arguments);
    context.put("listing", listing);
    context.put(
        "session",
        Map.of(
            "id",
            session.id(),
            "client",
            Map.of("name", session.client().name(), "version", session.client().version())));
    return context;
  }
}
