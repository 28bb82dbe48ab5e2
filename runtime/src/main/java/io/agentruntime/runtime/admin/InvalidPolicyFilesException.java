package io.agentruntime.runtime.admin;

/** A policy file or path given on the command line cannot be used; the message names it. */
final class InvalidPolicyFilesException extends Exception {
  InvalidPolicyFilesException(String message) {
    super(message);
  }
}
