package io.agentruntime.runtime.ratelimit;

import io.agentruntime.governance.RateLimit;

/**
 * Names one bucket: the limited policy and who shares the bucket.
 *
 * @param policyId the policy whose limit the bucket counts
 * @param subject the principal's id, or {@value #EVERYONE} for a limit keyed by runtime
 */
public record BucketKey(String policyId, String subject) {

  /** The subject of a bucket every caller of the runtime shares. */
  public static final String EVERYONE = "*";

  /** The bucket {@code principal}'s request takes a token from under {@code policyId}'s limit. */
  public static BucketKey of(String policyId, RateLimit limit, String principal) {
    return new BucketKey(policyId, limit.key() == RateLimit.Key.RUNTIME ? EVERYONE : principal);
  }

  /** {@code <policy id>#<subject>}: the bucket's part of a table key. */
  public String id() {
    return policyId + "#" + subject;
  }
}
