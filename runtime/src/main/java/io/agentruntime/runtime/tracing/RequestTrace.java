package io.agentruntime.runtime.tracing;

import static io.agentruntime.runtime.tracing.SpanAttributes.*;

import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.governance.engine.Decision;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The span of one request (an API call, or a worker's attempt at a queued dispatch) and the parent
 * of the spans of its steps: the decision, the rate limits, the backend call. Spans are parented
 * explicitly, never through a thread-local context, since a request's steps run as callbacks on
 * whichever thread completes them.
 */
public final class RequestTrace {

  /** Tracing off: no span, each method does nothing (or only the work it wraps). */
  public static final RequestTrace OFF = new RequestTrace(null, Span.getInvalid());

  private final Tracing tracing;
  private final Span span;
  private final Context context;

  /** Whether the answer's error is already on the span, as a JSON-RPC error or a tool's error. */
  private boolean answeredWithError;

  private RequestTrace(Tracing tracing, Span span) {
    this.tracing = tracing;
    this.span = span;
    this.context = Context.root().with(span);
  }

  /**
   * The server span of an HTTP request to {@code route}, in the trace of the caller's {@code
   * traceparent} when it sent one.
   *
   * @param headers the request's headers by (lower-case) name
   */
  public static RequestTrace server(
      Tracing tracing, String method, String route, Function<String, String> headers) {
    if (!tracing.enabled()) {
      return OFF;
    }
    Span span =
        tracing
            .tracer()
            .spanBuilder(method + " " + route)
            .setSpanKind(SpanKind.SERVER)
            .setParent(tracing.extract(headers))
            .setAttribute(HTTP_METHOD, method)
            .setAttribute(HTTP_ROUTE, route)
            .startSpan();
    return new RequestTrace(tracing, span);
  }

  /**
   * A worker's attempt at a queued dispatch, continuing the trace of the request that queued it
   * ({@code carried}: the W3C headers of its message).
   */
  public static RequestTrace consumer(
      Tracing tracing, Map<String, String> carried, String dispatchId, int attempt) {
    if (!tracing.enabled()) {
      return OFF;
    }
    Span span =
        tracing
            .tracer()
            .spanBuilder(RUN_SPAN)
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(tracing.extract(carried::get))
            .setAttribute(DISPATCH_ID, dispatchId)
            .setAttribute(ATTEMPT, (long) attempt)
            .startSpan();
    return new RequestTrace(tracing, span);
  }

  /** Names the request and its intent on the span, once both are known. */
  public void describe(String requestId, String intent) {
    if (tracing != null) {
      span.setAttribute(REQUEST_ID, requestId);
      span.setAttribute(INTENT, intent);
    }
  }

  /**
   * Names the MCP message the request carries: the span takes the MCP conventions' name ({@code
   * tools/call <tool>}) and attributes beside its HTTP ones.
   */
  public void describe(String requestId, McpOperation operation) {
    if (tracing != null) {
      span.updateName(operation.spanName());
      span.setAllAttributes(operation.attributes());
      span.setAttribute(REQUEST_ID, requestId);
    }
  }

  /**
   * Notes the JSON-RPC error the gateway answered the request with: its code as {@code
   * rpc.response.status_code} and {@code error.type}, its message as the status.
   */
  public void answeredWith(int code, String message) {
    String text = Integer.toString(code);
    answeredWith(text, text, message);
  }

  void answeredWith(String errorType, String code, String message) {
    if (tracing != null) {
      answeredWithError = true;
      failed(span, errorType, code, message);
    }
  }

  /**
   * Starts the client span of a message relayed to an MCP server at {@code url}, a child of this
   * request's.
   */
  public McpSpan mcpCall(McpOperation operation, URI url) {
    return tracing == null ? McpSpan.OFF : McpSpan.start(tracing, context, this, operation, url);
  }

  /**
   * The governance decision as a step, its effect, mode, deciding policies and policy set version
   * as attributes.
   */
  public Future<Decision> decision(Supplier<Future<Decision>> decide) {
    if (tracing == null) {
      return decide.get();
    }
    Span step = startStep(DECISION_SPAN);
    return run(step, decide)
        .andThen(
            decided -> {
              if (decided.succeeded()) {
                Decision decision = decided.result();
                step.setAttribute(
                    DECISION_EFFECT, decision.effect().name().toLowerCase(Locale.ROOT));
                step.setAttribute(DECISION_MODE, decision.mode().name().toLowerCase(Locale.ROOT));
                step.setAttribute(DECISION_POLICIES, decision.policies());
                step.setAttribute(POLICY_SET_VERSION, decision.policySetVersion());
              }
              step.end();
            });
  }

  /**
   * Runs {@code work} as a step of the request: a child span from now until its future completes,
   * marked as an error with the failure's type when it fails.
   */
  public <T> Future<T> step(String name, Supplier<Future<T>> work) {
    if (tracing == null) {
      return work.get();
    }
    Span step = startStep(name);
    return run(step, work).andThen(done -> step.end());
  }

  /** Runs {@code work}, done at once, as a step of the request. */
  public <T> T stepNow(String name, Supplier<T> work) {
    return step(name, () -> Future.succeededFuture(work.get())).result();
  }

  private Span startStep(String name) {
    return tracing.tracer().spanBuilder(name).setParent(context).startSpan();
  }

  /** {@code work}'s future, its failure (thrown or failed) recorded on {@code step}. */
  private static <T> Future<T> run(Span step, Supplier<Future<T>> work) {
    Future<T> result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      failed(step, e);
      step.end();
      throw e;
    }
    return result.andThen(
        done -> {
          if (done.failed()) {
            failed(step, done.cause());
          }
        });
  }

  /** Starts the span of a call to {@code intent}'s backend, a child of this request's. */
  public BackendSpan backend(IntentConfig intent, boolean streamed) {
    return tracing == null
        ? BackendSpan.OFF
        : BackendSpan.start(tracing, context, intent, streamed);
  }

  /** The W3C headers that continue this request's trace elsewhere (a queue message); empty off. */
  public Map<String, String> headers() {
    return tracing == null ? Map.of() : Tracing.headers(context);
  }

  /** Ends the request's span with the status it was answered with; a 5xx is an error. */
  public void end(int status) {
    if (tracing == null) {
      return;
    }
    span.setAttribute(HTTP_STATUS, (long) status);
    if (status >= 500 && !answeredWithError) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ERROR_TYPE, Integer.toString(status));
    }
    span.end();
  }

  /** Ends a worker's attempt: failed with {@code failure}'s type, or not when it is null. */
  public void end(Throwable failure) {
    if (tracing == null) {
      return;
    }
    if (failure != null) {
      failed(span, failure);
    }
    span.end();
  }

  static void failed(Span span, Throwable failure) {
    span.setStatus(StatusCode.ERROR, failure.getMessage());
    span.setAttribute(ERROR_TYPE, failure.getClass().getName());
  }

  /**
   * Marks {@code span} failed.
   *
   * @param code the JSON-RPC error code, when the failure is one; null otherwise
   * @param message the status description; null for none
   */
  static void failed(Span span, String errorType, String code, String message) {
    if (message == null) {
      span.setStatus(StatusCode.ERROR);
    } else {
      span.setStatus(StatusCode.ERROR, message);
    }
    span.setAttribute(ERROR_TYPE, errorType);
    if (code != null) {
      span.setAttribute(RPC_STATUS_CODE, code);
    }
  }
}
