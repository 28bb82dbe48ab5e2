package io.agentruntime.runtime.async;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Events and records as JSON: what the stores keep and what {@code GET} answers. */
final class DispatchCodec {

  private DispatchCodec() {}

  static JsonObject event(DispatchEvent event) {
    JsonObject json = new JsonObject().put("at", event.at().toString());
    return switch (event) {
      case DispatchEvent.Queued queued ->
          json.put("type", "queued")
              .put("principal", queued.principal())
              .put("intent", queued.intent())
              .put("decision", queued.decision())
              .put("deadline", queued.deadline().toString());
      case DispatchEvent.Started started ->
          json.put("type", "started")
              .put("attempt", started.attempt())
              .put("worker", started.worker())
              .put("leaseUntil", started.leaseUntil().toString());
      case DispatchEvent.AttemptFailed failed ->
          json.put("type", "attemptFailed")
              .put("attempt", failed.attempt())
              .put("problem", failed.problem());
      case DispatchEvent.Succeeded succeeded ->
          json.put("type", "succeeded")
              .put("attempt", succeeded.attempt())
              .put("result", succeeded.result());
      case DispatchEvent.Failed failed ->
          json.put("type", "failed")
              .put("attempt", failed.attempt())
              .put("problem", failed.problem());
      case DispatchEvent.CancelRequested requested -> json.put("type", "cancelRequested");
      case DispatchEvent.Cancelled cancelled -> json.put("type", "cancelled");
      case DispatchEvent.Expired expired -> json.put("type", "expired");
    };
  }

  static DispatchEvent event(JsonObject json) {
    Instant at = Instant.parse(json.getString("at"));
    return switch (json.getString("type")) {
      case "queued" ->
          new DispatchEvent.Queued(
              at,
              json.getString("principal"),
              json.getString("intent"),
              json.getJsonObject("decision"),
              Instant.parse(json.getString("deadline")));
      case "started" ->
          new DispatchEvent.Started(
              at,
              json.getInteger("attempt"),
              json.getString("worker"),
              Instant.parse(json.getString("leaseUntil")));
      case "attemptFailed" ->
          new DispatchEvent.AttemptFailed(
              at, json.getInteger("attempt"), json.getJsonObject("problem"));
      case "succeeded" ->
          new DispatchEvent.Succeeded(at, json.getInteger("attempt"), json.getJsonObject("result"));
      case "failed" ->
          new DispatchEvent.Failed(at, json.getInteger("attempt"), json.getJsonObject("problem"));
      case "cancelRequested" -> new DispatchEvent.CancelRequested(at);
      case "cancelled" -> new DispatchEvent.Cancelled(at);
      case "expired" -> new DispatchEvent.Expired(at);
      case String other -> throw new IllegalArgumentException("unknown event type " + other);
    };
  }

  /** What {@code GET /v1/dispatches/{id}} answers: everything but the owner and the lease. */
  static JsonObject view(DispatchRecord record) {
    JsonObject transitions = new JsonObject();
    record
        .transitions()
        .forEach((status, at) -> transitions.put(status.displayName(), at.toString()));
    JsonArray attempts = new JsonArray();
    for (Attempt attempt : record.attempts()) {
      JsonObject json =
          new JsonObject()
              .put("attempt", attempt.number())
              .put("worker", attempt.worker())
              .put("startedAt", attempt.startedAt().toString())
              .put("outcome", attempt.outcome());
      attempt.endedAt().ifPresent(at -> json.put("endedAt", at.toString()));
      attempt.problem().ifPresent(problem -> json.put("problem", problem));
      attempts.add(json);
    }
    JsonObject view =
        new JsonObject()
            .put("id", record.key().id())
            .put("intent", record.intent())
            .put("status", record.status().displayName())
            .put("decision", record.decision())
            .put("transitions", transitions)
            .put("attempts", attempts);
    if (record.cancelRequested() && !record.status().finished()) {
      view.put("cancelRequested", true);
    }
    record.result().ifPresent(result -> view.put("result", result));
    record.problem().ifPresent(problem -> view.put("problem", problem));
    return view;
  }

  /** The whole record as stored: the view plus the owner, deadline, version and lease. */
  static JsonObject stored(DispatchRecord record) {
    JsonObject json =
        view(record)
            .put("runtime", record.key().runtime())
            .put("version", record.version())
            .put("principal", record.principal())
            .put("deadline", record.deadline().toString())
            .put("cancelRequested", record.cancelRequested());
    record.leaseUntil().ifPresent(until -> json.put("leaseUntil", until.toString()));
    return json;
  }

  static DispatchRecord record(JsonObject json) {
    Map<DispatchStatus, Instant> transitions = new LinkedHashMap<>();
    json.getJsonObject("transitions")
        .forEach(
            entry ->
                transitions.put(
                    DispatchStatus.of(entry.getKey()), Instant.parse((String) entry.getValue())));
    List<Attempt> attempts = new ArrayList<>();
    for (Object item : json.getJsonArray("attempts")) {
      JsonObject attempt = (JsonObject) item;
      attempts.add(
          new Attempt(
              attempt.getInteger("attempt"),
              attempt.getString("worker"),
              Instant.parse(attempt.getString("startedAt")),
              Optional.ofNullable(attempt.getString("endedAt")).map(Instant::parse),
              attempt.getString("outcome"),
              Optional.ofNullable(attempt.getJsonObject("problem"))));
    }
    return new DispatchRecord(
        new DispatchKey(json.getString("runtime"), json.getString("id")),
        json.getLong("version"),
        json.getString("principal"),
        json.getString("intent"),
        json.getJsonObject("decision"),
        Instant.parse(json.getString("deadline")),
        DispatchStatus.of(json.getString("status")),
        transitions,
        attempts,
        Optional.ofNullable(json.getString("leaseUntil")).map(Instant::parse),
        json.getBoolean("cancelRequested", false),
        Optional.ofNullable(json.getJsonObject("result")),
        Optional.ofNullable(json.getJsonObject("problem")));
  }
}
