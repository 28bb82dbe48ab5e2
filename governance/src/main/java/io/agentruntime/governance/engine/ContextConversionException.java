package io.agentruntime.governance.engine;

/** A request context value has no Cedar counterpart; the request is denied with this message. */
final class ContextConversionException extends Exception {
  ContextConversionException(String message) {
    super(message);
  }
}
