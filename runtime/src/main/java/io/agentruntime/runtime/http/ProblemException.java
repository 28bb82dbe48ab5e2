package io.agentruntime.runtime.http;

import java.util.Map;

/**
 * A request the runtime answers with a problem document. Thrown on expected, user-facing paths, so
 * it carries no stack trace.
 */
public final class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final Map<String, Object> members;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, Map.of());
  }

  /**
   * @param members extra members of the problem document, e.g. the deciding {@code policies}
   */
  public ProblemException(ProblemType type, String detail, Map<String, Object> members) {
    super(detail, null, false, false);
    this.type = type;
    this.members = Map.copyOf(members);
  }

  public ProblemType type() {
    return type;
  }

  public Map<String, Object> members() {
    return members;
  }
}
