package io.agentruntime.runtime.metrics;

import io.agentruntime.contract.metrics.RuntimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The MCP gateway's meters, with labels of bounded cardinality: the {@code server} label takes only
 * configured names, {@code method} only the methods of the protocol, and {@code tool} only names an
 * upstream listed (at most {@value #MAX_TOOLS_PER_SERVER} per server); anything else a caller sends
 * is counted under {@value RuntimeMeter#OTHER_MCP_NAME}.
 */
public final class McpMeters {

  static final int MAX_TOOLS_PER_SERVER = 200;

  /** The methods of protocol revisions 2025-06-18 and 2025-11-25 worth a label of their own. */
  private static final Set<String> METHODS =
      Set.of(
          "initialize",
          "ping",
          "tools/list",
          "tools/call",
          "resources/list",
          "resources/templates/list",
          "resources/read",
          "resources/subscribe",
          "resources/unsubscribe",
          "prompts/list",
          "prompts/get",
          "completion/complete",
          "logging/setLevel",
          "notifications/initialized",
          "notifications/cancelled",
          "notifications/progress",
          "notifications/roots/list_changed",
          "response",
          "GET",
          "DELETE");

  private final MeterRegistry registry;
  private final Map<String, Set<String>> listedTools = new ConcurrentHashMap<>();
  private final Map<Series, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

  /**
   * One series of a meter: its server, method or tool ({@code null} for the duration histogram,
   * which has neither) and outcome. A record rather than a concatenated string: counting a message
   * copies no characters and hashes the strings' cached hash codes.
   */
  private record Series(RuntimeMeter meter, String server, String name, McpOutcome outcome) {}

  McpMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Notes the tools {@code server} listed, so that calls to them are labelled by name. */
  public void listed(String server, Collection<String> tools) {
    Set<String> known = listedTools.computeIfAbsent(server, name -> ConcurrentHashMap.newKeySet());
    for (String tool : tools) {
      if (known.size() >= MAX_TOOLS_PER_SERVER) {
        return;
      }
      known.add(tool);
    }
  }

  /**
   * Counts one message: a request or notification by its method, a client's response to the server
   * as {@code response}, a stream opened as {@code GET}, a session ended as {@code DELETE}.
   */
  public void recordMessage(String server, String method, McpOutcome outcome) {
    String label = METHODS.contains(method) ? method : RuntimeMeter.OTHER_MCP_NAME;
    counter(new Series(RuntimeMeter.MCP_REQUESTS, server, label, outcome), "method").increment();
  }

  /** Records one tool call: its outcome and the time it took to answer. */
  public void recordToolCall(String server, String tool, McpOutcome outcome, long nanos) {
    Set<String> known = listedTools.getOrDefault(server, Set.of());
    String label = known.contains(tool) ? tool : RuntimeMeter.OTHER_MCP_NAME;
    counter(new Series(RuntimeMeter.MCP_TOOL_CALLS, server, label, outcome), "tool").increment();
    // by server and outcome only: a histogram per tool would cost 30 series each
    timers
        .computeIfAbsent(
            new Series(RuntimeMeter.MCP_TOOL_CALL_DURATION, server, null, outcome),
            key ->
                RuntimeMetrics.histogram(RuntimeMeter.MCP_TOOL_CALL_DURATION)
                    .tag("server", server)
                    .tag("outcome", outcome.label())
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The counter of {@code series}, registered on first use; {@code nameTag} labels its name. */
  private Counter counter(Series series, String nameTag) {
    return counters.computeIfAbsent(
        series,
        key ->
            Counter.builder(key.meter().meterName())
                .description(key.meter().description())
                .tag("server", key.server())
                .tag(nameTag, key.name())
                .tag("outcome", key.outcome().label())
                .register(registry));
  }
}
