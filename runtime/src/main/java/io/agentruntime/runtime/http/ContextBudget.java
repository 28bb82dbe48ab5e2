package io.agentruntime.runtime.http;

import com.fasterxml.jackson.core.JsonParser;
import io.agentruntime.contract.config.ContextLimits;

/**
 * Counts what the {@code context} of one body costs while the parser reads it, and stops the read
 * at the first byte, member or level past {@code governance.context}: a hostile context (a million
 * array elements, a hundred thousand keys) is refused after a few kilobytes of parsing instead of
 * being built, converted and evaluated.
 */
final class ContextBudget {

  private final ContextLimits limits;
  private long startOffset;
  private int baseDepth;
  private int members;
  private long bytes;

  ContextBudget(ContextLimits limits) {
    this.limits = limits;
  }

  /**
   * Starts counting at the context's value.
   *
   * @param baseDepth the parser's nesting depth of the context object itself
   */
  void start(JsonParser parser, int baseDepth) {
    this.startOffset = parser.currentTokenLocation().getByteOffset();
    this.baseDepth = baseDepth;
  }

  /** Accounts for one more value inside the context, read up to the parser's position. */
  void member(JsonParser parser) {
    if (++members > limits.maxMembers()) {
      throw new ProblemException(
          ProblemType.CONTEXT_TOO_LARGE,
          "the context has more than "
              + limits.maxMembers()
              + " members (governance.context.maxMembers)");
    }
    checkBytes(parser);
  }

  /** Accounts for an object or array opened at body depth {@code depth}. */
  void level(JsonParser parser, int depth) {
    int level = depth - baseDepth + 1;
    if (level > limits.maxDepth()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "the context is nested deeper than "
              + limits.maxDepth()
              + " levels (governance.context.maxDepth) at '"
              + parser.getParsingContext().getParent().pathAsPointer()
              + "'");
    }
    checkBytes(parser);
  }

  /** Accounts for the end of the context: its closing bracket counts too. */
  void end(JsonParser parser) {
    checkBytes(parser);
  }

  /** What the context cost, once read. */
  ContextSize size() {
    return new ContextSize(members, bytes);
  }

  private void checkBytes(JsonParser parser) {
    bytes = parser.currentLocation().getByteOffset() - startOffset;
    if (bytes > limits.maxBytes()) {
      throw new ProblemException(
          ProblemType.CONTEXT_TOO_LARGE,
          "the context is larger than "
              + limits.maxBytes()
              + " bytes (governance.context.maxBytes)");
    }
  }
}
