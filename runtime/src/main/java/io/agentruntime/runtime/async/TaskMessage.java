package io.agentruntime.runtime.async;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The queue message of one dispatch: everything a worker needs to run it, nothing to decide again.
 *
 * @param key the dispatch
 * @param principal its owner
 * @param intent its intent
 * @param input the request's {@code input}
 * @param context the request's {@code context}
 * @param decision the governance decision it was admitted with
 * @param deadline not started by then, it expires
 * @param budget the budget holds placed at enqueue ({@link
 *     io.agentruntime.runtime.budget.BudgetReservation#toJson()}), settled by the worker; null when
 *     none
 * @param trace the W3C headers ({@code traceparent}, {@code tracestate}) of the request that queued
 *     it: the worker's attempt continues that trace
 */
public record TaskMessage(
    DispatchKey key,
    String principal,
    String intent,
    JsonObject input,
    JsonObject context,
    JsonObject decision,
    Instant deadline,
    JsonObject budget,
    Map<String, String> trace) {

  public TaskMessage {
    trace = Map.copyOf(trace);
  }

  String encode() {
    return new JsonObject()
        .put("runtime", key.runtime())
        .put("id", key.id())
        .put("principal", principal)
        .put("intent", intent)
        .put("input", input)
        .put("context", context)
        .put("decision", decision)
        .put("deadline", deadline.toString())
        .put("budget", budget)
        .put("trace", new JsonObject(Map.<String, Object>copyOf(trace)))
        .encode();
  }

  /** The carried trace headers; a value that is not a string is no header. */
  private static Map<String, String> trace(JsonObject headers) {
    Map<String, String> trace = new HashMap<>();
    headers.forEach(
        header -> {
          if (header.getValue() instanceof String value) {
            trace.put(header.getKey(), value);
          }
        });
    return trace;
  }

  /** The message in {@code body}; empty when it is not one (a poison message). */
  static Optional<TaskMessage> decode(String body) {
    try {
      JsonObject json = new JsonObject(body);
      String id = json.getString("id");
      if (!DispatchKey.plausibleId(id) || json.getString("runtime") == null) {
        return Optional.empty();
      }
      return Optional.of(
          new TaskMessage(
              new DispatchKey(json.getString("runtime"), id),
              json.getString("principal"),
              json.getString("intent"),
              json.getJsonObject("input", new JsonObject()),
              json.getJsonObject("context", new JsonObject()),
              json.getJsonObject("decision", new JsonObject()),
              Instant.parse(json.getString("deadline")),
              json.getJsonObject("budget"),
              trace(json.getJsonObject("trace", new JsonObject()))));
    } catch (DecodeException
        | ClassCastException
        | NullPointerException
        | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
