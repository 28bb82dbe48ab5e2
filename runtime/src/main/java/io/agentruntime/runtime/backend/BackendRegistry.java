package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.config.IntentConfig;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;

/**
 * The backends of every configured intent, each with its own connection pool (one slow backend
 * cannot exhaust the connections of the others).
 */
public final class BackendRegistry implements AutoCloseable {

  /** Creates one backend per intent from its configuration. */
  public static BackendRegistry create(Vertx vertx, List<IntentConfig> intents) {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /** The backend serving {@code intent}, empty when the intent is not configured. */
  public Optional<Backend> backend(String intent) {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }
}
