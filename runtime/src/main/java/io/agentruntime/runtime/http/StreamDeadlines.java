package io.agentruntime.runtime.http;

import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.runtime.backend.BackendTimeoutException;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The three bounds of a streamed answer: the backend's first piece within {@code firstByteTimeout},
 * no gap between pieces longer than {@code idleTimeout} (except while the caller's slow reading
 * holds the backend paused), the whole stream within the intent's {@code timeout}. The first bound
 * passed fails the stream with a {@link BackendTimeoutException}.
 */
final class StreamDeadlines {

  private final Vertx vertx;
  private final IntentConfig intent;
  private final Consumer<BackendTimeoutException> expired;
  private long overall = -1;
  private long gap = -1;

  StreamDeadlines(Vertx vertx, IntentConfig intent, Consumer<BackendTimeoutException> expired) {
    this.vertx = vertx;
    this.intent = intent;
    this.expired = expired;
  }

  /** Starts the overall bound and the wait for the first piece. */
  void start() {
    overall = timer(intent.timeout(), "did not finish its answer within ");
    gap = timer(intent.streaming().firstByteTimeout(), "sent no first piece within ");
  }

  /** A piece arrived: the gap to the next one starts now. */
  void piece() {
    cancel(gap);
    gap = timer(intent.streaming().idleTimeout(), "sent no piece for ");
  }

  /** The caller reads slowly and the backend is paused: its silence is not its fault. */
  void paused() {
    cancel(gap);
    gap = -1;
  }

  void resumed() {
    piece();
  }

  /** The stream ended: no bound applies any more. */
  void stop() {
    cancel(gap);
    cancel(overall);
    gap = -1;
    overall = -1;
  }

  private long timer(Duration bound, String failure) {
    String detail = "the backend of intent '" + intent.name() + "' " + failure + format(bound);
    return vertx.setTimer(
        Math.max(1, bound.toMillis()),
        id -> {
          stop();
          expired.accept(new BackendTimeoutException(detail));
        });
  }

  private void cancel(long timer) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
