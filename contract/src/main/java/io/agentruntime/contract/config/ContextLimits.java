package io.agentruntime.contract.config;

/**
 * How large a request's {@code context} may be (configuration {@code governance.context}). The
 * context is what every decision converts and evaluates, so its size is what a decision costs: the
 * limits keep that cost small and bounded on the event loop.
 *
 * @param maxBytes longest context in bytes of JSON text (larger: 413)
 * @param maxMembers most values in the context, counting every object member and array element at
 *     any depth (more: 413)
 * @param maxDepth deepest nesting, the context object itself being level 1 (deeper: 400)
 */
public record ContextLimits(long maxBytes, int maxMembers, int maxDepth) {

  public static final long DEFAULT_MAX_BYTES = 64L << 10;
  public static final int DEFAULT_MAX_MEMBERS = 1_000;
  public static final int DEFAULT_MAX_DEPTH = 16;

  /** The engine's own bound on context nesting: no configuration may go past it. */
  public static final int DEEPEST = 32;

  public static ContextLimits defaults() {
    return new ContextLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMBERS, DEFAULT_MAX_DEPTH);
  }
}
