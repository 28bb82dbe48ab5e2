package io.agentruntime.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * A complete answer, built before anything is written: idempotent replays resend it as is.
 *
 * @param status HTTP status
 * @param contentType the {@code content-type} header
 * @param body the encoded body
 * @param headers extra headers, e.g. {@code Retry-After}
 */
public record HttpReply(int status, String contentType, Buffer body, Map<String, String> headers) {
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  public HttpReply {
    headers = Map.copyOf(headers);
  }

  public static HttpReply json(int status, Buffer body) {
    return new HttpReply(status, JSON, body, Map.of());
  }

  public static HttpReply json(int status, JsonObject body) {
    return json(status, body.toBuffer());
  }

  /** The same reply with one more header. */
  public HttpReply withHeader(String name, String value) {
    Map<String, String> merged = new HashMap<>(headers);
    merged.put(name, value);
    return new HttpReply(status, contentType, body, merged);
  }
}
