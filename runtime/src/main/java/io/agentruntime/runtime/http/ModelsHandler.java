package io.agentruntime.runtime.http;

import io.agentruntime.runtime.governance.Readiness;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.intent.Intents;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/models}, OpenAI's model list: the models of the {@code openai} intents the caller
 * may call. Each intent is decided for the caller (its principal and groups) with an empty context
 * by the same policies as a chat completion, so a model shows only where a completion without
 * {@code metadata} would be permitted. A listing runs nothing: its decisions are neither logged nor
 * counted.
 */
final class ModelsHandler implements Handler<ServerExchange> {

  private final RuntimeServices services;

  ModelsHandler(RuntimeServices services) {
    this.services = services;
  }

  @Override
  public void handle(ServerExchange ctx) {
    try {
      Optional<Readiness.NotReady> notReady = services.readiness().notReady();
      if (notReady.isPresent()) {
        throw Problems.notReady(notReady.get());
      }
      Principal principal = principal(ctx);
      JsonArray models = new JsonArray();
      permittedModels(ctx, principal).forEach(model -> models.add(model(model)));
      ReplyWriter.send(
          ctx,
          HttpReply.json(
              200, new JsonObject().put("object", "list").put("data", models).toBuffer()));
    } catch (ProblemException e) {
      ReplyWriter.send(
          ctx,
          OpenAiErrors.of(Problems.reply(e, RequestContext.requestId(ctx), ctx.request().path())));
    }
  }

  private Set<String> permittedModels(ServerExchange ctx, Principal principal) {
    Set<String> models = new LinkedHashSet<>();
    for (Intent intent : services.intents().all()) {
      Optional<String> model = Intents.model(intent);
      if (model.isPresent()
          && !models.contains(model.get())
          && services
              .governor()
              .decideAction(
                  RequestContext.requestIds(ctx), principal, intent.name(), Map.of(), false)
              .permitted()) {
        models.add(model.get());
      }
    }
    return models;
  }

  /** The mesh's principal header; a GET has no body, so local mode has no other source. */
  private Principal principal(ServerExchange ctx) {
    try {
      return services
          .principals()
          .resolve(new RequestHeaders(ctx.request().headers()), Map.of())
          .orElseThrow(
              () ->
                  new ProblemException(
                      ProblemType.UNAUTHENTICATED,
                      "no principal: expected header '"
                          + services.config().identity().principalHeader()
                          + "'"));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
    }
  }

  private static JsonObject model(String id) {
    return new JsonObject()
        .put("id", id)
        .put("object", "model")
        .put("created", 0)
        .put("owned_by", "agentruntime");
  }
}
