package io.agentruntime.cli.policies;

/** A policy file or path given on the command line cannot be used; the message names it. */
final class InvalidPolicyFilesException extends Exception {
  InvalidPolicyFilesException(String message) {
    super(message);
  }
}
