package io.agentruntime.runtime.http;

import io.agentruntime.runtime.governance.Readiness;
import io.agentruntime.runtime.intent.Intent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** The endpoints for operators and the platform: health, readiness, intents, metrics. */
final class OperationalHandlers {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Buffer UP = new JsonObject().put("status", "UP").toBuffer();

  private final RuntimeServices services;
  private final Buffer intents;

  OperationalHandlers(RuntimeServices services) {
    this.services = services;
    JsonArray list = new JsonArray();
    for (Intent intent : services.intents().all()) {
      list.add(
          new JsonObject()
              .put("name", intent.name())
              .put("backend", intent.config().backend().type())
              .put("timeoutMs", intent.config().timeout().toMillis()));
    }
    this.intents = new JsonObject().put("intents", list).toBuffer();
  }

  /** Liveness: the process answers. */
  void health(ServerExchange ctx) {
    ReplyWriter.send(ctx, HttpReply.json(200, UP));
  }

  /** Readiness: a policy set is loaded, the store is fresh enough, no shutdown under way. */
  void ready(ServerExchange ctx) {
    Optional<Readiness.NotReady> notReady = services.readiness().notReady();
    if (notReady.isPresent()) {
      ReplyWriter.sendProblem(ctx, Problems.notReady(notReady.get()), false);
      return;
    }
    JsonObject body =
        new JsonObject()
            .put("status", "READY")
            .put("policySetVersion", services.governor().policySetVersion())
            .put("policies", services.governor().policyCount());
    ReplyWriter.send(ctx, HttpReply.json(200, body.toBuffer()));
  }

  void intents(ServerExchange ctx) {
    ReplyWriter.send(ctx, HttpReply.json(200, intents));
  }

  /** Prometheus text; rendered on a worker since a scrape walks every meter. */
  void metrics(ServerExchange ctx) {
    ctx.vertx()
        .executeBlocking(() -> services.metrics().scrape(), false)
        .onSuccess(text -> ctx.response().putHeader("content-type", PROMETHEUS_TEXT).end(text))
        .onFailure(failure -> ReplyWriter.sendProblem(ctx, failure, false));
  }
}
