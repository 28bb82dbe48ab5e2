package io.agentruntime.runtime.http;

import java.util.Map;

/**
 * A parsed {@code /dispatch} or {@code /v1/decisions} body.
 *
 * @param intent the requested intent (not yet checked against the configuration)
 * @param context the {@code context} object, empty when absent; JSON values as Java maps, lists,
 *     strings, numbers and booleans
 * @param input the {@code input} object, empty when absent
 * @param contextSize what the context measured while it was read
 */
public record DispatchRequest(
    String intent,
    Map<String, Object> context,
    Map<String, Object> input,
    ContextSize contextSize) {}
