package io.agentruntime.cli.loadtest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one streamed answer as its bytes arrive, event by event, keeping only the line being read:
 * it notes when the first and the last piece came, counts the pieces, and says how the stream
 * ended. A {@code /dispatch} stream's pieces are its {@code piece} events, and it ends with {@code
 * done} or {@code error}; a chat completion stream's pieces are the chunks with a non-empty {@code
 * delta}, and it ends with {@code data: [DONE]} or a {@code data: {"error": …}} line. Not thread
 * safe: one answer, one event loop.
 */
final class StreamReader {
  private final TargetApi api;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private String eventName = "";
  private final StringBuilder data = new StringBuilder();
  private long pieces;
  private long firstPieceNanos;
  private long lastPieceNanos;
  private boolean done;
  private String failure;

  StreamReader(TargetApi api) {
    this.api = api;
  }

  /** A 2xx answer of another content type: a failure, whatever its body. */
  void notAStream(String contentType) {
    failure =
        "answered "
            + (contentType == null ? "without a content type" : contentType)
            + ", not an event stream";
  }

  /** Reads the bytes that just arrived; a piece is timed when its event's blank line arrives. */
  void feed(Buffer bytes) {
    for (int i = 0; i < bytes.length(); i++) {
      byte next = bytes.getByte(i);
      if (next == '\n') {
        line(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else if (next != '\r') {
        line.write(next);
      }
    }
  }

  /**
   * How the stream ended once its last byte was read, or once reading it failed with {@code cause}.
   */
  StreamRead finish(Throwable cause) {
    String reason = failure;
    if (reason == null && !done) {
      String end = api == TargetApi.DISPATCH ? "done" : "[DONE]";
      reason =
          cause == null
              ? "ended without " + end
              : "broken before " + end + " (" + cause.getClass().getSimpleName() + ")";
    }
    return new StreamRead(pieces, firstPieceNanos, lastPieceNanos, reason);
  }

  private void line(String text) {
    if (text.isEmpty()) {
      dispatchEvent();
    } else if (text.startsWith("event:")) {
      eventName = value(text, "event:");
    } else if (text.startsWith("data:")) {
      data.append(data.isEmpty() ? "" : "\n").append(value(text, "data:"));
    }
  }

  private static String value(String line, String field) {
    String value = line.substring(field.length());
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  private void dispatchEvent() {
    if (!ended() && (!data.isEmpty() || !eventName.isEmpty())) {
      if (api == TargetApi.DISPATCH) {
        dispatchEvent(eventName, data.toString());
      } else {
        chatChunk(data.toString());
      }
    }
    eventName = "";
    data.setLength(0);
  }

  private boolean ended() {
    return done || failure != null;
  }

  private void dispatchEvent(String name, String json) {
    switch (name) {
      case "piece" -> piece();
      case "done" -> done = true;
      case "error" -> failure = "error event " + problemType(json);
      default -> {
        // the decision, and any event a later runtime adds, are not pieces
      }
    }
  }

  private void chatChunk(String json) {
    if ("[DONE]".equals(json)) {
      done = true;
      return;
    }
    JsonObject chunk = parse(json);
    if (chunk.getValue("error") instanceof JsonObject error) {
      failure = "error chunk " + error.getString("code", error.getString("type", "unknown"));
    } else if (chunk.getValue("choices") instanceof JsonArray choices
        && !choices.isEmpty()
        && choices.getValue(0) instanceof JsonObject choice
        && choice.getValue("delta") instanceof JsonObject delta
        && !delta.isEmpty()) {
      piece();
    }
  }

  /** The problem type's last segment, e.g. {@code backend-timeout}. */
  private static String problemType(String json) {
    String type = parse(json).getString("type", "unknown");
    return type.substring(type.lastIndexOf('/') + 1);
  }

  private static JsonObject parse(String json) {
    try {
      return new JsonObject(json);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  private void piece() {
    long now = System.nanoTime();
    if (pieces++ == 0) {
      firstPieceNanos = now;
    }
    lastPieceNanos = now;
  }

  /**
   * One stream as read.
   *
   * @param pieces the pieces received
   * @param firstPieceNanos {@link System#nanoTime()} when the first piece was read, 0 without one
   * @param lastPieceNanos {@link System#nanoTime()} when the last piece was read, 0 without one
   * @param failure why the stream failed ({@code error event backend-error}, {@code ended without
   *     done}, …), or null when it completed
   */
  record StreamRead(long pieces, long firstPieceNanos, long lastPieceNanos, String failure) {
    boolean completed() {
      return failure == null;
    }
  }
}
