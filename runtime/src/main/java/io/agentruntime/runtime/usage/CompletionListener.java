package io.agentruntime.runtime.usage;

/**
 * Told once about every backend call a permitted request made, streamed or not, completed, failed
 * or cancelled, with the usage its backend reported: the point where token and cost budgets commit
 * what a call really used. Called on an event loop, so it must never block.
 */
@FunctionalInterface
public interface CompletionListener {

  /** Listens to nothing. */
  CompletionListener NONE = completion -> {};

  void completed(CallCompletion completion);
}
