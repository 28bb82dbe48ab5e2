package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code echo} answer streamed: the text of {@code input.prompt} (or the input as JSON) in a
 * few pieces {@link #INTERVAL} apart, the first at once, so that a streamed {@code make run} shows
 * the pieces arriving.
 */
final class EchoPieces implements PieceStream {

  static final int PIECES = 4;
  static final Duration INTERVAL = Duration.ofMillis(150);

  private final List<String> parts;
  private Vertx vertx;
  private PieceListener listener;
  private int next;
  private long timer = -1;
  private boolean paused;
  private boolean over;

  EchoPieces(JsonObject input) {
    this.parts = split(input.getValue("prompt") instanceof String prompt ? prompt : input.encode());
  }

  /** {@code text} in {@link #PIECES} parts of about equal length (fewer for a short text). */
  static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int size = Math.max(1, (text.length() + PIECES - 1) / PIECES);
    for (int start = 0; start < text.length(); start += size) {
      parts.add(text.substring(start, Math.min(text.length(), start + size)));
    }
    return parts;
  }

  @Override
  public void start(PieceListener listener) {
    this.vertx = Vertx.currentContext().owner();
    this.listener = listener;
    emit();
  }

  private void emit() {
    timer = -1;
    if (over || paused) {
      return;
    }
    if (next == parts.size()) {
      over = true;
      listener.end("stop");
      return;
    }
    listener.piece(new JsonObject().put("content", parts.get(next++)));
    if (!over && !paused) {
      timer = vertx.setTimer(INTERVAL.toMillis(), id -> emit());
    }
  }

  @Override
  public void pause() {
    paused = true;
    cancelTimer();
  }

  @Override
  public void resume() {
    if (paused && !over) {
      paused = false;
      timer = vertx.setTimer(INTERVAL.toMillis(), id -> emit());
    }
  }

  @Override
  public void cancel() {
    over = true;
    cancelTimer();
  }

  private void cancelTimer() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  @Override
  public Optional<TokenUsage> reportedUsage() {
    return Optional.empty();
  }
}
