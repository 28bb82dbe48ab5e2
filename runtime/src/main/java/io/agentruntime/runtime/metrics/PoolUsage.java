package io.agentruntime.runtime.metrics;

/** What a backend's bounded connection pool reports about itself, read at scrape time. */
public interface PoolUsage {

  /** Calls admitted and not finished: holding a connection or waiting for one. */
  int inFlight();

  /** The pool's size. */
  int maxConnections();

  /** Calls refused since start because the pool and its wait queue were full. */
  long rejected();
}
