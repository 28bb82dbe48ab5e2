package io.agentruntime.runtime.backend;

import io.vertx.core.json.JsonObject;

/**
 * One governed dispatch handed to a backend.
 *
 * @param requestId the request's id (sent to HTTP backends as {@code x-request-id})
 * @param intent the intent name
 * @param input the request's {@code input} object (empty when absent)
 * @param context the request's {@code context} object (empty when absent)
 * @param decision the governance decision as rendered in the response ({@code effect}, {@code
 *     policies}, {@code mode})
 */
public record BackendCall(
    String requestId, String intent, JsonObject input, JsonObject context, JsonObject decision) {}
