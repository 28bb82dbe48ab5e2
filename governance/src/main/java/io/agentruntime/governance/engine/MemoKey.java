package io.agentruntime.governance.engine;

import java.util.Set;

/**
 * Everything a Cedar decision depends on besides the policy set: equal keys get equal answers.
 *
 * @param context the request context in {@link CanonicalContext} form
 */
record MemoKey(
    String principal, Set<String> groups, String action, String resource, String context) {
  /** Requests larger than this (in characters) are decided without the memo. */
  static final int MAX_MEMOIZED_WEIGHT = 8_192;

  /** Approximate size in characters, to bound the memo's memory rather than its entry count. */
  int weight() {
    int weight = principal.length() + action.length() + resource.length() + context.length();
    for (String group : groups) {
      weight += group.length();
    }
    return weight;
  }
}
