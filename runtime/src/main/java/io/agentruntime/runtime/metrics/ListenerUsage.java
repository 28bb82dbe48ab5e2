package io.agentruntime.runtime.metrics;

/** What a listener reports about its connections, read at scrape time. */
public interface ListenerUsage {

  /** Connections open now. */
  int open();

  /** Connections closed at once since start because the listener held its maximum. */
  long refused();
}
