package io.agentruntime.runtime.budget;

/**
 * One request's reservation in a bucket: counted against the cap until it is settled or expires.
 *
 * @param id the request's id, unique in the bucket
 * @param amount what is reserved, in the budget's units (tokens or micro-dollars)
 * @param expiresAtMillis when any writer may return the amount to the bucket, epoch ms: a pod that
 *     died before settling leaks nothing past it
 */
public record BudgetHold(String id, long amount, long expiresAtMillis) {

  public boolean expired(long nowMillis) {
    return nowMillis >= expiresAtMillis;
  }
}
