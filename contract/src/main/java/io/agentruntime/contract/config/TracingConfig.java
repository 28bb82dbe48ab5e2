package io.agentruntime.contract.config;

import java.net.URI;
import java.util.Objects;

/**
 * Where the runtime exports its OpenTelemetry traces and how many it keeps (configuration {@code
 * tracing}); without the section the runtime traces nothing and pays nothing for it.
 *
 * @param endpoint the collector's OTLP/HTTP base URL ({@code http://otel-collector:4318}); spans
 *     are posted to {@code <endpoint>/v1/traces}
 * @param samplingRatio the share of new traces kept, 0 to 1; a request whose caller sent a {@code
 *     traceparent} follows the caller's sampling decision instead
 */
public record TracingConfig(URI endpoint, double samplingRatio) {

  public static final double DEFAULT_SAMPLING_RATIO = 1.0;

  /** The path OTLP/HTTP receives spans at, below the collector's base URL. */
  public static final String TRACES_PATH = "/v1/traces";

  public TracingConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    if (!(samplingRatio >= 0 && samplingRatio <= 1)) {
      throw new IllegalArgumentException("tracing.samplingRatio must be between 0 and 1");
    }
  }

  /** {@code <endpoint>/v1/traces}: where the exporter posts. */
  public URI tracesUrl() {
    String base = endpoint.toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + TRACES_PATH);
  }
}
