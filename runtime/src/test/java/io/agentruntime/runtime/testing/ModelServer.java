package io.agentruntime.runtime.testing;

import io.agentruntime.runtime.testing.LoopbackServer.Responder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible model server on loopback: answers {@code /v1/chat/completions} with a
 * completion after a delay, reporting its usage as a real server does, and counts the tokens it
 * reported. A {@link #streaming} one streams its answer to requests that accept an event stream.
 */
public final class ModelServer implements AutoCloseable {

  private final LoopbackServer server;
  private final AtomicLong reportedTokens = new AtomicLong();
  private final AtomicLong completions = new AtomicLong();
  private final StreamingResponders.Progress streams = new StreamingResponders.Progress();

  private ModelServer(long promptTokens, long completionTokens, Duration delay) {
    this.server =
        LoopbackServer.start(Responders.after(delay, whole(promptTokens, completionTokens)));
  }

  private ModelServer(List<String> words, Duration apart) {
    Responder whole = whole(7, words.size());
    Responder streamed = StreamingResponders.openAiChunks(words, apart, streams);
    this.server =
        LoopbackServer.start(
            (request, arrival) -> {
              String accept = request.getHeader("accept");
              (accept != null && accept.contains("text/event-stream") ? streamed : whole)
                  .respond(request, arrival);
            });
  }

  private Responder whole(long promptTokens, long completionTokens) {
    JsonObject answer = completion(promptTokens, completionTokens);
    return (request, arrival) -> {
      reportedTokens.addAndGet(promptTokens + completionTokens);
      completions.incrementAndGet();
      Responders.answering(answer).respond(request, arrival);
    };
  }

  /**
   * Starts a server that streams {@code words} {@code apart} to a request accepting an event
   * stream, then a usage chunk of 7 prompt tokens and one completion token per word; other requests
   * get the same usage in one completion at once.
   */
  public static ModelServer streaming(List<String> words, Duration apart) {
    return new ModelServer(words, apart);
  }

  /** What its streams did: bytes written, callers that left. */
  public StreamingResponders.Progress streams() {
    return streams;
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

  /** Prompt plus completion tokens of every completion answered, or stream ended, so far. */
  public long reportedTokens() {
    return reportedTokens.get() + streams.reportedTokens();
  }

  /** Completions answered whole, and streams that reached their usage chunk. */
  public long completions() {
    return completions.get() + streams.usageChunks();
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
