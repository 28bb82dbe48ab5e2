package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.metrics.IntentMeters;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code POST /v1/chat/completions}, the OpenAI face: a chat completion request becomes a dispatch
 * of the intent whose {@code openai} backend serves its {@code model}, with its {@code metadata} as
 * the Cedar context and (in local mode) its {@code user} as the caller, through the same decision,
 * rate limits, budgets, meters and decision log as {@code /dispatch}. The answer is OpenAI's: a
 * {@code chat.completion}, or {@code chat.completion.chunk} events ending with {@code data: [DONE]}
 * when {@code stream} is true; errors are {@code {"error": {...}}} ({@link OpenAiErrors}).
 */
final class ChatCompletionsHandler implements Handler<ServerExchange> {

  /** Members that steer the runtime rather than the model; every other one is passed through. */
  private static final List<String> RUNTIME_MEMBERS =
      List.of("model", "metadata", "stream", "stream_options");

  private final RuntimeServices services;

  ChatCompletionsHandler(RuntimeServices services) {
    this.services = services;
  }

  @Override
  public void handle(ServerExchange ctx) {
    IntentMeters meters = services.metrics().unknownIntent();
    try {
      JsonObject body = body(ctx);
      String model = body.getString("model");
      Intent intent = services.intents().servingModel(model).orElse(null);
      if (intent == null) {
        finish(ctx, meters, OpenAiErrors.unknownModel(model));
        return;
      }
      meters = intent.meters();
      GovernedRequest request =
          GovernedRequest.of(
              ctx,
              services,
              DispatchRequestParser.parse(
                  dispatchBody(intent, body), services.config().governance().context()));
      IntentMeters counted = meters;
      request
          .decide(ctx, services)
          .compose(decision -> decided(ctx, request, decision, body))
          .recover(failure -> Future.succeededFuture(problem(ctx, failure)))
          .onSuccess(reply -> finish(ctx, counted, reply));
    } catch (ProblemException e) {
      finish(ctx, meters, problem(ctx, e));
    }
  }

  /** The request, with the members the runtime reads checked. */
  private static JsonObject body(ServerExchange ctx) {
    JsonObject body;
    try {
      body = new JsonObject(RequestContext.body(ctx));
    } catch (DecodeException | ClassCastException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "the body is not a JSON object");
    }
    if (!(body.getValue("model") instanceof String model) || model.isEmpty()) {
      throw invalid("'model' must be a non-empty string");
    }
    if (!(body.getValue("messages") instanceof JsonArray)) {
      throw invalid("'messages' must be an array of chat messages");
    }
    if (body.getValue("metadata") != null && !(body.getValue("metadata") instanceof JsonObject)) {
      throw invalid("'metadata' must be an object");
    }
    return body;
  }

  /**
   * The equivalent {@code /dispatch} body, read by the same parser so that the context limits hold:
   * {@code metadata} as the context (plus {@code user_id} from {@code user} in local mode), the
   * rest of the request as the input.
   */
  private Buffer dispatchBody(Intent intent, JsonObject body) {
    JsonObject context =
        body.getValue("metadata") instanceof JsonObject metadata
            ? metadata.copy()
            : new JsonObject();
    if (services.config().identity().localMode()
        && body.getValue("user") instanceof String user
        && !context.containsKey("user_id")) {
      context.put("user_id", user);
    }
    JsonObject input = body.copy();
    RUNTIME_MEMBERS.forEach(input::remove);
    return new JsonObject()
        .put("intent", intent.name())
        .put("context", context)
        .put("input", input)
        .toBuffer();
  }

  private Future<HttpReply> decided(
      ServerExchange ctx, GovernedRequest request, Decision decision, JsonObject body) {
    if (!decision.permitted()) {
      return Future.failedFuture(DecisionBodies.denied(request.intent().name(), decision));
    }
    JsonObject decisionBody = DecisionBodies.decision(decision);
    String model = body.getString("model");
    return request
        .admit(services, decision, false)
        .compose(
            reservation -> {
              if (Boolean.TRUE.equals(body.getValue("stream"))) {
                return StreamRelay.relay(
                    ctx,
                    StreamedCall.start(
                        request,
                        decisionBody,
                        new ChatChunkFormat(request.requestId(), model, includeUsage(body)),
                        reservation,
                        0));
              }
              return DispatchHandler.invokeBackend(request, decisionBody, reservation)
                  .map(
                      charged ->
                          BudgetHeaderWriter.withRemaining(
                              completion(request, model, charged.result()), charged.remaining()));
            });
  }

  private static boolean includeUsage(JsonObject body) {
    return body.getValue("stream_options") instanceof JsonObject options
        && Boolean.TRUE.equals(options.getValue("include_usage"));
  }

  /** OpenAI's {@code chat.completion} made of the backend's result. */
  private static HttpReply completion(GovernedRequest request, String model, JsonObject result) {
    JsonObject message =
        new JsonObject().put("role", "assistant").put("content", result.getValue("content"));
    JsonObject choice =
        new JsonObject()
            .put("index", 0)
            .put("message", message)
            .put("logprobs", null)
            .put("finish_reason", result.getValue("finishReason", "stop"));
    JsonObject completion =
        new JsonObject()
            .put("id", "chatcmpl-" + request.requestId())
            .put("object", "chat.completion")
            .put("created", System.currentTimeMillis() / 1000)
            .put("model", result.getValue("model", model))
            .put("choices", new JsonArray().add(choice));
    if (result.getValue("usage") != null) {
      completion.put("usage", result.getValue("usage"));
    }
    return HttpReply.json(200, completion.toBuffer());
  }

  private static void finish(ServerExchange ctx, IntentMeters meters, HttpReply reply) {
    if (StreamRelay.answered(ctx)) {
      return;
    }
    meters.recordDispatch(reply.status(), RequestContext.elapsedNanos(ctx));
    ReplyWriter.send(ctx, reply);
  }

  private static HttpReply problem(ServerExchange ctx, Throwable failure) {
    HttpReply reply = Problems.reply(failure, RequestContext.requestId(ctx), ctx.request().path());
    return reply.contentType().equals(HttpReply.PROBLEM_JSON) ? OpenAiErrors.of(reply) : reply;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
