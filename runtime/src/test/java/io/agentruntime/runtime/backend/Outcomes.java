package io.agentruntime.runtime.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits, bounded in time, for what a backend call produced. */
public final class Outcomes {

  public static final Duration PATIENCE = Duration.ofSeconds(10);

  private Outcomes() {}

  public static <T> T resultOf(Future<T> future) throws Exception {
    return future.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
  }

  public static Throwable failureOf(Future<?> future) {
    await().atMost(PATIENCE).until(future::isComplete);
    assertThat(future.failed()).as("the call failed").isTrue();
    return future.cause();
  }
}
