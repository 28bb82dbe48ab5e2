package io.agentruntime.governance.store;

import io.agentruntime.governance.PolicySetSnapshot;

/**
 * Where a runtime's policy set lives. Implementations block (file or network I/O): call them from a
 * worker thread, never from an event loop.
 */
public interface PolicyStore extends AutoCloseable {

  /** Loads the whole policy set. */
  PolicySetSnapshot load() throws PolicyStoreException;

  /**
   * The set's current version, as cheaply as the store allows (one head read): callers reload only
   * when it differs from the version they hold.
   */
  long currentVersion() throws PolicyStoreException;

  /** A short description for logs and errors, e.g. {@code file:examples/policies}. */
  String describe();

  @Override
  default void close() {}
}
