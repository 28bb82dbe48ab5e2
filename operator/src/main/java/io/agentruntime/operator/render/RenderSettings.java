package io.agentruntime.operator.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * What renderers need to know of the operator's installation rather than of an AgentRuntime.
 *
 * @param prometheusUrl the Prometheus server KEDA's triggers query for inference pools
 */
public record RenderSettings(URI prometheusUrl) {

  /** The Prometheus of a prometheus-operator install in namespace {@code monitoring}. */
  public static final String DEFAULT_PROMETHEUS_URL =
      "http://prometheus-operated.monitoring.svc:9090";

  /** The settings of an operator installed with the chart's defaults. */
  public static final RenderSettings DEFAULTS =
      new RenderSettings(URI.create(DEFAULT_PROMETHEUS_URL));

  /** Requires every setting. */
  public RenderSettings {
    Objects.requireNonNull(prometheusUrl, "prometheusUrl");
  }

  /**
   * The settings with the Prometheus at {@code url}, or at {@link #DEFAULT_PROMETHEUS_URL} when
   * {@code url} is null or blank.
   *
   * @param option the option or variable {@code url} comes from, named when it is no absolute URL
   */
  public static RenderSettings withPrometheus(String url, String option) {
    if (url == null || url.isBlank()) {
      return DEFAULTS;
    }
    try {
      URI uri = new URI(url.strip());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            option + ": '" + url + "' is not an absolute http(s) URL of a Prometheus server");
      }
      return new RenderSettings(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(option + ": '" + url + "' is not a URL: " + e.getReason());
    }
  }
}
