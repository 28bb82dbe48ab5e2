package io.agentruntime.runtime.intent;

import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.runtime.backend.Backend;
import io.agentruntime.runtime.metrics.IntentMeters;

/**
 * A configured intent as a request uses it, looked up once per request: its configuration (the
 * timeout, the backend's settings), the backend that serves it and its meters.
 *
 * @param config the intent's configuration
 * @param backend the backend serving it
 * @param meters its meters, labelled with its name
 */
public record Intent(IntentConfig config, Backend backend, IntentMeters meters) {

  /** The intent's name, also the Cedar action. */
  public String name() {
    return config.name();
  }
}
