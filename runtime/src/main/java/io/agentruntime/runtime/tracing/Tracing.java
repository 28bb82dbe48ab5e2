package io.agentruntime.runtime.tracing;

import io.agentruntime.contract.config.HttpUrls;
import io.agentruntime.contract.config.RuntimeIdentity;
import io.agentruntime.contract.config.TracingConfig;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The runtime's OpenTelemetry tracer (configuration {@code tracing}), or nothing at all.
 *
 * <p>Spans are ended on the event loops and exported by a {@link BatchSpanProcessor}: ending one
 * only puts it on a bounded queue (dropped when full, never waited for), and a thread of the
 * processor posts batches to the collector over OTLP/HTTP. Without the section, {@link #OFF} starts
 * no span: every request sees {@link RequestTrace#OFF} and pays one field read.
 */
public final class Tracing implements AutoCloseable {

  /** No tracer, no exporter, no span. */
  public static final Tracing OFF = new Tracing(null);

  /** Ends of spans wait at most this long in memory before they are sent. */
  static final Duration EXPORT_DELAY = Duration.ofSeconds(1);

  private static final String INSTRUMENTATION = "io.agentruntime.runtime";
  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

  private final SdkTracerProvider provider;
  private final Tracer tracer;

  private Tracing(SdkTracerProvider provider) {
    this.provider = provider;
    this.tracer = provider == null ? null : provider.get(INSTRUMENTATION);
  }

  /**
   * The tracer {@code config} asks for, naming {@code runtime} as the service; else {@link #OFF}.
   */
  public static Tracing open(Optional<TracingConfig> config, RuntimeIdentity runtime) {
    return config.map(settings -> new Tracing(provider(settings, runtime))).orElse(OFF);
  }

  private static SdkTracerProvider provider(TracingConfig config, RuntimeIdentity runtime) {
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder().setEndpoint(config.tracesUrl().toString()).build();
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        SpanAttributes.SERVICE_NAME,
                        runtime.name(),
                        SpanAttributes.SERVICE_NAMESPACE,
                        runtime.namespace())));
    return SdkTracerProvider.builder()
        .setResource(resource)
        // a caller's sampling decision, carried by its traceparent, is kept
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.samplingRatio())))
        .addSpanProcessor(
            BatchSpanProcessor.builder(exporter).setScheduleDelay(EXPORT_DELAY).build())
        .build();
  }

  /** Whether spans are recorded and exported. */
  public boolean enabled() {
    return provider != null;
  }

  Tracer tracer() {
    return tracer;
  }

  /**
   * A client span, child of {@code parent}, of a call to {@code url}: its address and port as
   * {@code server.address} and {@code server.port}.
   */
  SpanBuilder client(Context parent, String name, URI url) {
    return tracer
        .spanBuilder(name)
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(SpanAttributes.SERVER_ADDRESS, url.getHost())
        .setAttribute(SpanAttributes.SERVER_PORT, (long) HttpUrls.port(url));
  }

  /** The trace a W3C {@code traceparent} (and {@code tracestate}) among {@code headers} names. */
  Context extract(Function<String, String> headers) {
    return W3C.extract(Context.root(), headers, HeaderGetter.INSTANCE);
  }

  /** The W3C headers that continue {@code context}'s trace in another service. */
  static Map<String, String> headers(Context context) {
    Map<String, String> headers = new HashMap<>(2);
    W3C.inject(context, headers, Map::put);
    return Map.copyOf(headers);
  }

  /** Sends what is still buffered and stops the exporter; does not wait for the collector. */
  @Override
  public void close() {
    if (provider != null) {
      provider.shutdown();
    }
  }

  private enum HeaderGetter implements TextMapGetter<Function<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Function<String, String> carrier) {
      return W3C.fields();
    }

    @Override
    public String get(Function<String, String> carrier, String key) {
      return carrier == null ? null : carrier.apply(key);
    }
  }
}
