package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** The stream of a backend that answers whole: one piece, its result, then the end. */
final class WholeAnswer implements PieceStream {

  private final Future<JsonObject> answer;
  private boolean cancelled;
  private Optional<TokenUsage> usage = Optional.empty();

  WholeAnswer(Future<JsonObject> answer) {
    this.answer = answer;
  }

  @Override
  public void start(PieceListener listener) {
    answer.onComplete(
        result -> {
          if (cancelled) {
            return;
          }
          if (result.failed()) {
            listener.fail(result.cause());
            return;
          }
          usage = TokenUsage.ofResult(result.result());
          listener.piece(result.result());
          listener.end(null);
        });
  }

  @Override
  public void pause() {
    // one piece: nothing to hold back
  }

  @Override
  public void resume() {
    // one piece: nothing to hold back
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public Optional<TokenUsage> reportedUsage() {
    return usage;
  }
}
