package io.agentruntime.runtime.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace receiver on a loopback port: decodes each export
 * with the OTLP protobuf classes and keeps its spans, as a real collector would receive them.
 */
public final class OtlpCollector implements AutoCloseable {

  private final HttpServer server;
  private final List<Span> spans = Collections.synchronizedList(new ArrayList<>());
  private final List<String> serviceNames = Collections.synchronizedList(new ArrayList<>());

  private OtlpCollector(HttpServer server) {
    this.server = server;
  }

  public static OtlpCollector start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    OtlpCollector collector = new OtlpCollector(server);
    server.createContext("/v1/traces", collector::receive);
    server.start();
    return collector;
  }

  /** The collector's base URL, as {@code tracing.endpoint} names it. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      InputStream body = exchange.getRequestBody();
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("content-encoding"))) {
        body = new GZIPInputStream(body);
      }
      ExportTraceServiceRequest request;
      try {
        request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
      } catch (InvalidProtocolBufferException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      for (ResourceSpans resource : request.getResourceSpansList()) {
        attribute(resource.getResource().getAttributesList(), "service.name")
            .ifPresent(name -> serviceNames.add(name.getStringValue()));
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          spans.addAll(scope.getSpansList());
        }
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("content-type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  /** Every span received so far. */
  public List<Span> spans() {
    synchronized (spans) {
      return List.copyOf(spans);
    }
  }

  /** The {@code service.name} of every resource received so far. */
  public List<String> serviceNames() {
    synchronized (serviceNames) {
      return List.copyOf(serviceNames);
    }
  }

  /** The received span named {@code name}, if any. */
  public Optional<Span> span(String name) {
    return spans().stream().filter(span -> span.getName().equals(name)).findFirst();
  }

  /** The value of {@code span}'s attribute {@code key}. */
  public static Optional<AnyValue> attribute(Span span, String key) {
    return attribute(span.getAttributesList(), key);
  }

  private static Optional<AnyValue> attribute(List<KeyValue> attributes, String key) {
    return attributes.stream()
        .filter(attribute -> attribute.getKey().equals(key))
        .map(KeyValue::getValue)
        .findFirst();
  }

  /** A trace or span id as W3C headers write it: lower-case hexadecimal. */
  public static String hex(com.google.protobuf.ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
