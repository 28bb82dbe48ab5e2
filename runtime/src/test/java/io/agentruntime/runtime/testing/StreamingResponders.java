package io.agentruntime.runtime.testing;

import io.agentruntime.runtime.testing.LoopbackServer.Responder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streaming answers of a {@link LoopbackServer}, written over time as model servers write them,
 * each noting in a {@link Progress} what it wrote and when its caller left.
 */
public final class StreamingResponders {

  private StreamingResponders() {}

  /** What a streaming answer did: bytes written, when it wrote its last piece, when it was left. */
  public static final class Progress {
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastPieceNanos = new AtomicLong();
    private final AtomicLong closedNanos = new AtomicLong();
    private final AtomicLong reportedTokens = new AtomicLong();
    private final AtomicLong usageChunks = new AtomicLong();

    /** Bytes accepted by the connection so far. */
    public long bytes() {
      return bytes.get();
    }

    /** {@link System#nanoTime()} of the last piece written, 0 before. */
    public long lastPieceNanos() {
      return lastPieceNanos.get();
    }

    /** {@link System#nanoTime()} at which the caller closed the connection, 0 while open. */
    public long closedNanos() {
      return closedNanos.get();
    }

    /** Prompt plus completion tokens of every usage chunk written. */
    public long reportedTokens() {
      return reportedTokens.get();
    }

    /** How many streams reached their usage chunk. */
    public long usageChunks() {
      return usageChunks.get();
    }

    void wrote(int length) {
      bytes.addAndGet(length);
      lastPieceNanos.set(System.nanoTime());
    }

    void watch(HttpServerRequest request) {
      request.response().closeHandler(closed -> closedNanos.set(System.nanoTime()));
    }
  }

  /**
   * An OpenAI chat completion stream: one {@code chat.completion.chunk} per word, {@code apart}
   * from each other, the first with the role; then a chunk with the finish reason, one with the
   * usage ({@code prompt_tokens} 7, {@code completion_tokens} the number of words) and {@code data:
   * [DONE]}.
   */
  public static Responder openAiChunks(List<String> words, Duration apart, Progress progress) {
    return (request, arrival) -> {
      progress.watch(request);
      HttpServerResponse response = eventStream(request);
      Vertx vertx = Vertx.currentContext().owner();
      writeWord(vertx, response, words, 0, apart, progress);
    };
  }

  private static void writeWord(
      Vertx vertx,
      HttpServerResponse response,
      List<String> words,
      int index,
      Duration apart,
      Progress progress) {
    if (response.closed()) {
      return;
    }
    if (index == words.size()) {
      JsonObject usage =
          new JsonObject()
              .put("prompt_tokens", 7)
              .put("completion_tokens", words.size())
              .put("total_tokens", 7 + words.size());
      write(response, chunk(new JsonObject(), "stop"), progress);
      write(
          response,
          "data: "
              + chunkBase().put("choices", new JsonArray()).put("usage", usage).encode()
              + "\n\n",
          progress);
      if (!response.closed()) {
        progress.reportedTokens.addAndGet(7 + words.size());
        progress.usageChunks.incrementAndGet();
      }
      response.end("data: [DONE]\n\n");
      return;
    }
    JsonObject delta = new JsonObject().put("content", words.get(index));
    if (index == 0) {
      delta.put("role", "assistant");
    }
    write(response, chunk(delta, null), progress);
    vertx.setTimer(
        apart.toMillis(), id -> writeWord(vertx, response, words, index + 1, apart, progress));
  }

  /** {@code count} events of {@code {"n": i}}, {@code apart}, then resets the connection. */
  public static Responder failingAfter(int count, Duration apart, Progress progress) {
    return (request, arrival) -> {
      progress.watch(request);
      HttpServerResponse response = eventStream(request);
      Vertx vertx = Vertx.currentContext().owner();
      for (int i = 0; i < count; i++) {
        int n = i;
        vertx.setTimer(
            1 + apart.toMillis() * i,
            id -> write(response, "data: {\"n\":" + n + "}\n\n", progress));
      }
      vertx.setTimer(1 + apart.toMillis() * count, id -> request.connection().close());
    };
  }

  /**
   * Events of {@code pieceSize} bytes written as fast as the connection takes them, never ending:
   * it stops writing while the connection's write queue is full and goes on when it drains. The
   * progress counts the bytes the connection has handed to the network.
   */
  public static Responder endless(int pieceSize, Progress progress) {
    String piece = "data: {\"text\":\"" + "x".repeat(pieceSize) + "\"}\n\n";
    return (request, arrival) -> {
      progress.watch(request);
      HttpServerResponse response = eventStream(request);
      pump(response, piece, progress);
    };
  }

  /**
   * One piece per turn of the event loop, so that the connection's writability is current at every
   * check; counted once the connection has taken it.
   */
  private static void pump(HttpServerResponse response, String piece, Progress progress) {
    if (response.closed()) {
      return;
    }
    if (response.writeQueueFull()) {
      response.drainHandler(drained -> pump(response, piece, progress));
      return;
    }
    response.write(piece).onSuccess(written -> progress.wrote(piece.length()));
    Vertx.currentContext().runOnContext(next -> pump(response, piece, progress));
  }

  private static HttpServerResponse eventStream(HttpServerRequest request) {
    return request
        .response()
        .setChunked(true)
        .putHeader("content-type", "text/event-stream")
        .putHeader("cache-control", "no-cache");
  }

  private static String chunk(JsonObject delta, String finishReason) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta);
    choice.put("finish_reason", finishReason);
    return "data: " + chunkBase().put("choices", new JsonArray().add(choice)).encode() + "\n\n";
  }

  private static JsonObject chunkBase() {
    return new JsonObject()
        .put("id", "chatcmpl-1")
        .put("object", "chat.completion.chunk")
        .put("model", "test-model");
  }

  private static void write(HttpServerResponse response, String text, Progress progress) {
    if (!response.closed()) {
      response.write(text);
      progress.wrote(text.length());
    }
  }
}
