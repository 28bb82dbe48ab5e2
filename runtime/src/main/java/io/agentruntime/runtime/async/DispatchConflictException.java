package io.agentruntime.runtime.async;

/** Another write moved the dispatch on since it was read: read it again and reconsider. */
final class DispatchConflictException extends RuntimeException {
  DispatchConflictException(DispatchKey key) {
    super("dispatch " + key.id() + " changed since it was read", null, false, false);
  }
}
