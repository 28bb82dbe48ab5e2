package io.agentruntime.governance.engine.jvm;

/**
 * A policy uses a construct the JVM evaluator does not implement; its set is then decided by
 * cedar-java, so coverage never affects correctness.
 */
public final class UnsupportedPolicyException extends Exception {
  public UnsupportedPolicyException(String message) {
    super(message);
  }
}
