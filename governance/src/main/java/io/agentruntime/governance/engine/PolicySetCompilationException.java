package io.agentruntime.governance.engine;

/** A policy set could not be parsed; the engine keeps its last good set. */
public class PolicySetCompilationException extends Exception {
  public PolicySetCompilationException(String message, Throwable cause) {
    super(message, cause);
  }

  public PolicySetCompilationException(String message) {
    super(message);
  }
}
