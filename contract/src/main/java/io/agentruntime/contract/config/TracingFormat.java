package io.agentruntime.contract.config;

import java.util.Optional;

/** Reads and writes {@code tracing}: the OTLP/HTTP endpoint and the sampling ratio. */
final class TracingFormat {

  static final String TRACING = "tracing";
  private static final String ENDPOINT = "endpoint";
  private static final String SAMPLING_RATIO = "samplingRatio";

  private TracingFormat() {}

  /** The runtime's {@code tracing} section; empty (tracing off) when the key is absent. */
  static Optional<TracingConfig> read(ConfigNode root) throws ConfigException {
    if (!root.has(TRACING)) {
      root.object(TRACING);
      return Optional.empty();
    }
    ConfigNode node = root.object(TRACING);
    TracingConfig config =
        new TracingConfig(
            node.httpUrl(ENDPOINT),
            node.fraction(SAMPLING_RATIO, TracingConfig.DEFAULT_SAMPLING_RATIO));
    node.rejectUnknownKeys();
    return Optional.of(config);
  }

  static MappingWriter write(TracingConfig config) {
    return new MappingWriter()
        .put(ENDPOINT, config.endpoint().toString())
        .putUnlessDefault(
            SAMPLING_RATIO, config.samplingRatio(), TracingConfig.DEFAULT_SAMPLING_RATIO);
  }
}
