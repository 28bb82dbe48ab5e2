package io.agentruntime.runtime.tracing;

import static io.agentruntime.runtime.tracing.SpanAttributes.*;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.runtime.usage.TokenUsage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The span of one backend call, following OpenTelemetry's GenAI conventions for a model call
 * ({@code chat <model>}: requested and answered model, tokens used, time to the first chunk of a
 * streamed answer) and its HTTP conventions for any other remote backend. Its W3C headers go with
 * the call, so the backend's own spans join the request's trace.
 */
public final class BackendSpan {

  /** Tracing off: no span, no headers. */
  static final BackendSpan OFF = new BackendSpan(Span.getInvalid(), Map.of());

  private static final String CHAT = "chat";
  private static final String OPENAI = "openai";

  private final Span span;
  private final Map<String, String> headers;
  private final long startNanos = System.nanoTime();
  private boolean firstChunk;

  private BackendSpan(Span span, Map<String, String> headers) {
    this.span = span;
    this.headers = headers;
  }

  static BackendSpan start(Tracing tracing, Context parent, IntentConfig intent, boolean streamed) {
    BackendConfig backend = intent.backend();
    SpanBuilder builder =
        switch (backend) {
          case BackendConfig.OpenAi openAi ->
              tracing
                  .client(parent, CHAT + " " + openAi.model(), openAi.url())
                  .setAttribute(GEN_AI_OPERATION, CHAT)
                  .setAttribute(GEN_AI_PROVIDER, OPENAI)
                  .setAttribute(GEN_AI_REQUEST_MODEL, openAi.model());
          case BackendConfig.Http http ->
              tracing
                  .client(parent, "POST", http.url())
                  .setAttribute(HTTP_METHOD, "POST")
                  .setAttribute(URL_FULL, http.url().toString());
          default -> tracing.tracer().spanBuilder(backend.type()).setParent(parent);
        };
    Span span =
        builder.setAttribute(INTENT, intent.name()).setAttribute(STREAMED, streamed).startSpan();
    return new BackendSpan(span, Tracing.headers(parent.with(span)));
  }

  /** The W3C {@code traceparent} (and {@code tracestate}) to send with the call; empty off. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Notes the first piece of a streamed answer: an event, and the time to it in seconds. */
  public void firstChunk() {
    if (firstChunk || !span.isRecording()) {
      return;
    }
    firstChunk = true;
    span.addEvent(FIRST_CHUNK_EVENT);
    span.setAttribute(GEN_AI_TIME_TO_FIRST_CHUNK, (System.nanoTime() - startNanos) / 1e9);
  }

  /**
   * Ends the call.
   *
   * @param usage the tokens the backend reported
   * @param responseModel the model that answered, when the backend named it
   * @param finishReason why the model stopped, when known
   * @param failure why the call failed; null when it did not
   */
  public void end(
      Optional<TokenUsage> usage,
      Optional<String> responseModel,
      Optional<String> finishReason,
      Throwable failure) {
    if (!span.isRecording()) {
      return;
    }
    usage.ifPresent(
        tokens -> {
          span.setAttribute(GEN_AI_INPUT_TOKENS, tokens.promptTokens());
          span.setAttribute(GEN_AI_OUTPUT_TOKENS, tokens.completionTokens());
        });
    responseModel.ifPresent(model -> span.setAttribute(GEN_AI_RESPONSE_MODEL, model));
    finishReason.ifPresent(reason -> span.setAttribute(GEN_AI_FINISH_REASONS, List.of(reason)));
    if (failure != null) {
      RequestTrace.failed(span, failure);
    }
    span.end();
  }
}
