package io.agentruntime.cli.policies;

import io.agentruntime.governance.PolicyDocument;

/** One change push makes to a policy set: {@code + id}, {@code ~ id} or {@code - id}. */
sealed interface PolicyChange {

  /** The id of the policy that changes. */
  String id();

  /** The line that announces the change, e.g. {@code + allow-reasoning}. */
  String summary();

  /**
   * A policy in the files that the table does not hold.
   *
   * @param policy the policy as the files define it
   */
  record Added(PolicyDocument policy) implements PolicyChange {
    @Override
    public String id() {
      return policy.id();
    }

    @Override
    public String summary() {
      return "+ " + id();
    }
  }

  /**
   * A policy whose Cedar text, mode or rate limit differs between the table and the files.
   *
   * @param before the policy as the table holds it
   * @param after the policy as the files define it
   */
  record Changed(PolicyDocument before, PolicyDocument after) implements PolicyChange {
    @Override
    public String id() {
      return after.id();
    }

    @Override
    public String summary() {
      return "~ " + id();
    }
  }

  /**
   * A policy in the table that the files do not define; only with {@code --prune}.
   *
   * @param policy the policy as the table holds it
   */
  record Removed(PolicyDocument policy) implements PolicyChange {
    @Override
    public String id() {
      return policy.id();
    }

    @Override
    public String summary() {
      return "- " + id() + " (not in files)";
    }
  }
}
