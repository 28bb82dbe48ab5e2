package io.agentruntime.runtime.tracing;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Every span name and attribute key the runtime writes, in one place: OpenTelemetry's semantic
 * conventions (HTTP, GenAI, and MCP as the GenAI conventions' release 0.1.0 defines it) where one
 * exists, {@code agentruntime.*} for the runtime's own.
 */
public final class SpanAttributes {

  /** A governance decision. */
  public static final String DECISION_SPAN = "agentruntime.decision";

  /** The rate limits of the deciding policies taking their tokens. */
  public static final String RATE_LIMIT_SPAN = "agentruntime.rate_limit";

  /**
   * The reservation of token and cost budgets before a backend call: wrapped as the rate limit's
   * admission is ({@link RequestTrace#step}), between it and the backend call.
   */
  public static final String BUDGET_SPAN = "agentruntime.budget.reserve";

  /** A dispatch handed to the queue for a worker. */
  public static final String ENQUEUE_SPAN = "agentruntime.dispatch.enqueue";

  /** A worker's attempt at a queued dispatch, in the trace of the request that queued it. */
  public static final String RUN_SPAN = "agentruntime.dispatch.run";

  /**
   * The tool policy deciding which tools of an MCP server's {@code tools/list} answer the caller
   * sees.
   */
  public static final String TOOL_FILTER_SPAN = "agentruntime.mcp.tool_filter";

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  static final AttributeKey<String> SERVICE_NAMESPACE = AttributeKey.stringKey("service.namespace");

  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
  static final AttributeKey<String> NETWORK_PROTOCOL =
      AttributeKey.stringKey("network.protocol.name");

  static final AttributeKey<String> MCP_METHOD = AttributeKey.stringKey("mcp.method.name");
  static final AttributeKey<String> JSONRPC_REQUEST_ID =
      AttributeKey.stringKey("jsonrpc.request.id");
  static final AttributeKey<String> RPC_STATUS_CODE =
      AttributeKey.stringKey("rpc.response.status_code");
  static final AttributeKey<String> GEN_AI_TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> GEN_AI_PROMPT_NAME =
      AttributeKey.stringKey("gen_ai.prompt.name");

  /** {@code gen_ai.operation.name} of a tool call. */
  static final String EXECUTE_TOOL = "execute_tool";

  /** {@code error.type} of an error the conventions name no class for. */
  static final String OTHER = "_OTHER";

  /** {@code error.type} of a tool call the tool itself failed ({@code isError: true}). */
  static final String TOOL_ERROR = "tool_error";

  static final AttributeKey<String> GEN_AI_OPERATION =
      AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> GEN_AI_PROVIDER =
      AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> GEN_AI_REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> GEN_AI_RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<Long> GEN_AI_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> GEN_AI_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<List<String>> GEN_AI_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Double> GEN_AI_TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");

  /** The event at the backend's first piece of a streamed answer. */
  static final String FIRST_CHUNK_EVENT = "gen_ai.first_chunk";

  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("agentruntime.request_id");
  static final AttributeKey<String> INTENT = AttributeKey.stringKey("agentruntime.intent");
  static final AttributeKey<String> MCP_SERVER = AttributeKey.stringKey("agentruntime.mcp.server");
  static final AttributeKey<String> DISPATCH_ID =
      AttributeKey.stringKey("agentruntime.dispatch.id");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("agentruntime.dispatch.attempt");
  static final AttributeKey<Boolean> STREAMED = AttributeKey.booleanKey("agentruntime.streamed");
  static final AttributeKey<String> DECISION_EFFECT =
      AttributeKey.stringKey("agentruntime.decision.effect");
  static final AttributeKey<String> DECISION_MODE =
      AttributeKey.stringKey("agentruntime.decision.mode");
  static final AttributeKey<List<String>> DECISION_POLICIES =
      AttributeKey.stringArrayKey("agentruntime.decision.policies");
  static final AttributeKey<Long> POLICY_SET_VERSION =
      AttributeKey.longKey("agentruntime.policy_set.version");

  private SpanAttributes() {}
}
