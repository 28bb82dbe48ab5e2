package io.agentruntime.runtime.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible model server on loopback: answers {@code /v1/chat/completions} with a
 * completion after a delay, reporting its usage as a real server does, and counts the tokens it
 * reported.
 */
public final class ModelServer implements AutoCloseable {

  private final LoopbackServer server;
  private final AtomicLong reportedTokens = new AtomicLong();
  private final AtomicLong completions = new AtomicLong();

  private ModelServer(long promptTokens, long completionTokens, Duration delay) {
    JsonObject answer = completion(promptTokens, completionTokens);
    this.server =
        LoopbackServer.start(
            Responders.after(
                delay,
                (request, arrival) -> {
                  reportedTokens.addAndGet(promptTokens + completionTokens);
                  completions.incrementAndGet();
                  Responders.answering(answer).respond(request, arrival);
                }));
  }

  /**
   * Starts a server answering each completion after {@code delay}, reporting {@code promptTokens}
   * and {@code completionTokens} as its usage.
   */
  public static ModelServer start(long promptTokens, long completionTokens, Duration delay) {
    return new ModelServer(promptTokens, completionTokens, delay);
  }

  /** What the server received, in order of arrival. */
  public java.util.List<LoopbackServer.Received> received() {
    return server.received();
  }

  /** The server's root URL, as {@code intents[].backend.url} takes it. */
  public String url() {
    return server.url("/").toString();
  }

  /** Prompt plus completion tokens of every completion answered so far. */
  public long reportedTokens() {
    return reportedTokens.get();
  }

  public long completions() {
    return completions.get();
  }

  private static JsonObject completion(long prompt, long completion) {
    return new JsonObject()
        .put("id", "chatcmpl-test")
        .put("object", "chat.completion")
        .put("model", "test-model")
        .put(
            "choices",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("index", 0)
                        .put(
                            "message",
                            new JsonObject().put("role", "assistant").put("content", "ok"))
                        .put("finish_reason", "length")))
        .put(
            "usage",
            new JsonObject()
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion));
  }

  @Override
  public void close() {
    server.close();
  }
}
