package io.agentruntime.runtime.tracing;

import static io.agentruntime.runtime.tracing.SpanAttributes.*;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Optional;

/**
 * What one MCP message through the gateway is, as both its spans describe it: the server span of
 * the client's request and the client span of the call to the upstream. Only names, never a tool's
 * arguments or result.
 *
 * @param server the upstream's name in {@code mcpServers}
 * @param method the JSON-RPC method, e.g. {@code tools/call}
 * @param requestId the request's JSON-RPC id as text; empty for a notification
 * @param tool the tool a {@code tools/call} names
 * @param prompt the prompt a {@code prompts/get} names
 */
public record McpOperation(
    String server,
    String method,
    Optional<String> requestId,
    Optional<String> tool,
    Optional<String> prompt) {

  /** The span name the MCP conventions give: {@code <method> <tool or prompt>}, else the method. */
  String spanName() {
    return tool.or(() -> prompt).map(target -> method + " " + target).orElse(method);
  }

  Attributes attributes() {
    AttributesBuilder attributes =
        Attributes.builder().put(MCP_METHOD, method).put(MCP_SERVER, server);
    requestId.ifPresent(id -> attributes.put(JSONRPC_REQUEST_ID, id));
    tool.ifPresent(
        name -> attributes.put(GEN_AI_TOOL_NAME, name).put(GEN_AI_OPERATION, EXECUTE_TOOL));
    prompt.ifPresent(name -> attributes.put(GEN_AI_PROMPT_NAME, name));
    return attributes.build();
  }
}
