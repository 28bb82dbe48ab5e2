package io.agentruntime.contract.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One intent a caller may dispatch (configuration {@code intents[]}).
 *
 * @param name the intent, also the Cedar action {@code Action::"<name>"}
 * @param timeout how long the backend may take, a streamed answer included: past it the caller gets
 *     504 (or, once a stream has started, an {@code error} event)
 * @param streaming the bounds of a streamed answer besides {@code timeout}
 * @param backend where the intent is served
 * @param async how the intent runs when dispatched with {@code Prefer: respond-async}
 */
public record IntentConfig(
    String name,
    Duration timeout,
    Streaming streaming,
    BackendConfig backend,
    AsyncIntentConfig async) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public IntentConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(streaming, "streaming");
    Objects.requireNonNull(async, "async");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout of intent '" + name + "' must be positive");
    }
  }

  /** An intent with the default stream bounds and asynchronous settings. */
  public IntentConfig(String name, Duration timeout, BackendConfig backend) {
    this(name, timeout, Streaming.DEFAULT, backend, AsyncIntentConfig.DEFAULT);
  }

  /**
   * How long a streamed answer may keep its caller waiting (keys {@code intents[].firstByteTimeout}
   * and {@code intents[].idleTimeout}); the intent's {@code timeout} bounds the whole stream.
   *
   * @param firstByteTimeout from the dispatch to the backend's first piece: past it the caller gets
   *     504 and nothing was streamed
   * @param idleTimeout between two pieces of the backend, time the caller's own slow reading holds
   *     the backend paused not counted: past it the stream ends with an {@code error} event
   */
  public record Streaming(Duration firstByteTimeout, Duration idleTimeout) {

    public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(15);
    public static final Streaming DEFAULT =
        new Streaming(DEFAULT_FIRST_BYTE_TIMEOUT, DEFAULT_IDLE_TIMEOUT);

    public Streaming {
      for (Duration bound : new Duration[] {firstByteTimeout, idleTimeout}) {
        if (bound == null || bound.isNegative() || bound.isZero()) {
          throw new IllegalArgumentException("firstByteTimeout and idleTimeout must be positive");
        }
      }
    }
  }
}
