package io.agentruntime.runtime.backend;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.vertx.core.Vertx;

/**
 * Creates the backend an intent's configuration describes. The configuration was validated when it
 * was read, and the backend family is sealed: a new type that is not handled here does not compile.
 */
public final class Backends {

  private Backends() {}

  /**
   * The backend of {@code intent}; a remote one gets a connection pool of its own, so that one slow
   * backend cannot exhaust the connections of the others.
   */
  public static Backend create(Vertx vertx, IntentConfig intent) {
    return switch (intent.backend()) {
      case BackendConfig.Echo echo -> new EchoBackend();
      case BackendConfig.Http http ->
          new HttpBackend(BackendHttpClient.create(vertx, intent, http), http.url());
      case BackendConfig.OpenAi openAi ->
          new OpenAiBackend(BackendHttpClient.create(vertx, intent, openAi), openAi);
    };
  }
}
