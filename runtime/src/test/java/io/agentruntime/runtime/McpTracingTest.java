package io.agentruntime.runtime;

import static io.agentruntime.runtime.testing.OtlpCollector.attribute;
import static io.agentruntime.runtime.testing.OtlpCollector.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.McpToolServer;
import io.agentruntime.runtime.testing.OtlpCollector;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces of the MCP gateway as a collector receives them (OTLP/HTTP on loopback): each message is a
 * server span named by the MCP conventions, in the caller's trace, with the tool policy's steps and
 * a client span for the call to the upstream (the Java SDK's MCP server on loopback), which
 * receives that span's {@code traceparent}. Arguments and results stay out of every span.
 */
class McpTracingTest {

  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01";
  private static final Duration EXPORTED = Duration.ofSeconds(20);

  /** In the arguments, hence in the answer: it must reach no span. */
  private static final String SECRET = "card 4111-1111-1111-1111";

  @TempDir Path dir;
  private OtlpCollector collector;
  private McpToolServer tools;
  private TestRuntime runtime;
  private McpWire wire;

  @BeforeEach
  void start() throws Exception {
    collector = OtlpCollector.start();
    tools = McpToolServer.start();
    runtime =
        TestRuntime.start(
            dir,
            McpGatewayTest.config(tools, "20s")
                + "tracing: {endpoint: \"%s\", samplingRatio: 1}\n".formatted(collector.endpoint()),
            Map.of("tools.cedar", McpGatewayTest.POLICIES),
            Map.of());
    wire = new McpWire(runtime.uri("/mcp/tools"));
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
    tools.close();
    collector.close();
  }

  @Test
  void aToolCallContinuesTheCallersTraceWithItsDecisionAndTheUpstreamCall() throws Exception {
    String session = wire.open("ann");
    HttpResponse<String> answer =
        wire.postIn(
            session,
            "ann",
            McpWire.call(7, "echo", new JsonObject().put("text", SECRET).encode()),
            "traceparent",
            TRACEPARENT);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains(SECRET);

    Span server = exported("tools/call echo", SpanKind.SPAN_KIND_SERVER);
    Span decision = exported("agentruntime.decision", SpanKind.SPAN_KIND_INTERNAL);
    Span rateLimit = exported("agentruntime.rate_limit", SpanKind.SPAN_KIND_INTERNAL);
    Span budget = exported("agentruntime.budget.reserve", SpanKind.SPAN_KIND_INTERNAL);
    Span upstream = exported("tools/call echo", SpanKind.SPAN_KIND_CLIENT);

    assertThat(hex(server.getTraceId())).isEqualTo(CALLER_TRACE);
    assertThat(hex(server.getParentSpanId())).isEqualTo(CALLER_SPAN);
    assertThat(text(server, "http.route")).hasValue("/mcp/tools");
    assertThat(attribute(server, "http.response.status_code").orElseThrow().getIntValue())
        .isEqualTo(200);
    for (Span span : new Span[] {server, upstream}) {
      assertThat(text(span, "mcp.method.name")).hasValue("tools/call");
      assertThat(text(span, "gen_ai.tool.name")).hasValue("echo");
      assertThat(text(span, "gen_ai.operation.name")).hasValue("execute_tool");
      assertThat(text(span, "jsonrpc.request.id")).hasValue("7");
      assertThat(text(span, "agentruntime.mcp.server")).hasValue("tools");
      assertThat(span.getStatus().getCode()).isNotEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    }
    for (Span child : new Span[] {decision, rateLimit, budget, upstream}) {
      assertThat(child.getTraceId()).as(child.getName()).isEqualTo(server.getTraceId());
      assertThat(child.getParentSpanId()).as(child.getName()).isEqualTo(server.getSpanId());
    }
    assertThat(text(decision, "agentruntime.decision.effect")).hasValue("allow");
    assertThat(
            attribute(decision, "agentruntime.decision.policies")
                .orElseThrow()
                .getArrayValue()
                .getValuesList())
        .extracting(value -> value.getStringValue())
        .containsExactly("tools-for-everyone");
    assertThat(text(upstream, "server.address")).hasValue("127.0.0.1");
    assertThat(attribute(upstream, "server.port").orElseThrow().getIntValue())
        .isEqualTo(tools.endpoint().getPort());
    // the MCP server was called in the caller's trace, as a child of the upstream call's span
    assertThat(tools.lastTraceparent("echo"))
        .hasValue("00-" + CALLER_TRACE + "-" + hex(upstream.getSpanId()) + "-01");
    assertThat(collector.spans()).allSatisfy(McpTracingTest::saysNothingOf);
  }

  @Test
  void aListingAndARelayedMethodAreTracedAndPropagated() throws Exception {
    String session = wire.open("ann");
    HttpResponse<String> listed =
        wire.postIn(
            session, "ann", "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    HttpResponse<String> pinged =
        wire.postIn(
            session, "ann", "{\"jsonrpc\": \"2.0\", \"id\": \"ping-3\", \"method\": \"ping\"}");
    assertThat(pinged.statusCode()).as(pinged.body()).isEqualTo(200);

    Span list = exported("tools/list", SpanKind.SPAN_KIND_SERVER);
    Span filter = exported("agentruntime.mcp.tool_filter", SpanKind.SPAN_KIND_INTERNAL);
    Span listUpstream = exported("tools/list", SpanKind.SPAN_KIND_CLIENT);
    Span ping = exported("ping", SpanKind.SPAN_KIND_SERVER);
    Span pingUpstream = exported("ping", SpanKind.SPAN_KIND_CLIENT);

    assertThat(hex(list.getParentSpanId())).as("a new trace").isEmpty();
    assertThat(filter.getParentSpanId()).isEqualTo(list.getSpanId());
    assertThat(listUpstream.getParentSpanId()).isEqualTo(list.getSpanId());
    assertThat(pingUpstream.getParentSpanId()).isEqualTo(ping.getSpanId());
    assertThat(text(ping, "jsonrpc.request.id")).hasValue("ping-3");
    assertThat(text(pingUpstream, "mcp.method.name")).hasValue("ping");
    assertThat(text(pingUpstream, "gen_ai.tool.name")).isEmpty();
    // the flags are the trace's own (a new trace here): the ids are what tie the upstream to it
    assertThat(tools.traceparents())
        .anyMatch(sent -> sent.startsWith(traceparentOf(listUpstream)))
        .anyMatch(sent -> sent.startsWith(traceparentOf(pingUpstream)));
  }

  private static String traceparentOf(Span span) {
    return "00-" + hex(span.getTraceId()) + "-" + hex(span.getSpanId()) + "-";
  }

  @Test
  void aDeniedCallIsAnErrorSpanWithItsDecisionAndNoUpstreamCall() throws Exception {
    String session = wire.open("ann");
    HttpResponse<String> denied = wire.postIn(session, "ann", McpWire.call(4, "delete_repo", "{}"));
    assertThat(McpWire.message(denied).getJsonObject("error").getInteger("code")).isEqualTo(-32003);

    Span server = exported("tools/call delete_repo", SpanKind.SPAN_KIND_SERVER);
    Span decision = exported("agentruntime.decision", SpanKind.SPAN_KIND_INTERNAL);

    assertThat(decision.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(text(decision, "agentruntime.decision.effect")).hasValue("deny");
    assertThat(server.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(text(server, "error.type")).hasValue("-32003");
    assertThat(text(server, "rpc.response.status_code")).hasValue("-32003");
    assertThat(collector.spans())
        .noneMatch(
            span ->
                span.getKind() == SpanKind.SPAN_KIND_CLIENT
                    && span.getName().equals("tools/call delete_repo"));
    assertThat(tools.calls("delete_repo")).isZero();
  }

  private Span exported(String name, SpanKind kind) {
    return await()
        .atMost(EXPORTED)
        .until(
            () ->
                collector.spans().stream()
                    .filter(span -> span.getName().equals(name) && span.getKind() == kind)
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<String> text(Span span, String key) {
    return attribute(span, key).map(value -> value.getStringValue());
  }

  /** Neither the name nor any attribute of {@code span} holds the tool's arguments or result. */
  private static void saysNothingOf(Span span) {
    assertThat(span.getName()).doesNotContain(SECRET);
    assertThat(span.getStatus().getMessage()).doesNotContain(SECRET);
    for (KeyValue attribute : span.getAttributesList()) {
      assertThat(attribute.getValue().toString()).as(attribute.getKey()).doesNotContain("4111");
    }
  }
}
