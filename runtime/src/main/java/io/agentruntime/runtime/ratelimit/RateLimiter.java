package io.agentruntime.runtime.ratelimit;

import io.agentruntime.contract.config.RateLimitConfig;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.Effect;
import io.agentruntime.runtime.coordination.PeriodicWarning;
import io.agentruntime.runtime.governance.DecisionLog;
import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.metrics.RateLimitOutcome;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies policy rate limits to allowed requests: each permitting policy that carries a {@code
 * rateLimit} takes one token from its bucket, and an empty bucket answers 429. Requests no limited
 * policy permitted cost nothing here. In Audit mode an exhausted limit is counted and logged but
 * never rejects.
 */
public final class RateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

  /** One bucket's answer: an acquisition, or the error that kept the bucket from answering. */
  private record Check(
      String policyId, RateLimit limit, Acquisition acquisition, Throwable error) {}

  private final Supplier<Map<String, RateLimit>> limits;
  private final RateLimitStore store;
  private final RateLimitConfig config;
  private final DecisionLog decisionLog;
  private final PeriodicWarning storeWarning = new PeriodicWarning();

  /**
   * @param limits the rate limits of the installed policy set, by policy id
   */
  public RateLimiter(
      Supplier<Map<String, RateLimit>> limits,
      RateLimitStore store,
      RateLimitConfig config,
      DecisionLog decisionLog) {
    this.limits = limits;
    this.store = store;
    this.config = config;
    this.decisionLog = decisionLog;
  }

  /**
   * Takes the request's tokens.
   *
   * @return succeeds when the request may proceed; fails with {@link RateLimitedException} (429)
   *     or, with {@code rateLimits.onStoreError: deny}, {@link RateLimitStoreUnavailableException}
   */
  public Future<Void> admit(RequestIds ids, Principal principal, Intent intent, Decision decision) {
    return admit(ids, principal, intent.name(), intent.meters()::recordRateLimit, decision);
  }

  /**
   * Takes the tokens of a request for {@code action}, which need not be an intent (an MCP tool).
   *
   * @param meters counts each bucket check by policy id and outcome
   */
  public Future<Void> admit(
      RequestIds ids,
      Principal principal,
      String action,
      BiConsumer<String, RateLimitOutcome> meters,
      Decision decision) {
    if (decision.effect() != Effect.ALLOW) {
      return Future.succeededFuture();
    }
    Map<String, RateLimit> installed = limits.get();
    if (installed.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Check>> checks = new ArrayList<>(1);
    for (String policyId : decision.policies()) {
      RateLimit limit = installed.get(policyId);
      if (limit != null) {
        checks.add(check(meters, policyId, limit, principal.id()));
      }
    }
    if (checks.isEmpty()) {
      return Future.succeededFuture();
    }
    boolean enforced = decision.mode() == EnforcementMode.ENFORCE;
    return Future.all(checks).transform(done -> verdict(ids, principal, action, enforced, checks));
  }

  private Future<Check> check(
      BiConsumer<String, RateLimitOutcome> meters,
      String policyId,
      RateLimit limit,
      String principal) {
    return store
        .acquire(BucketKey.of(policyId, limit, principal), limit)
        .map(acquisition -> new Check(policyId, limit, acquisition, null))
        .otherwise(error -> new Check(policyId, limit, null, error))
        .andThen(
            done -> {
              Check check = done.result();
              RateLimitOutcome outcome =
                  check.error() != null
                      ? RateLimitOutcome.STORE_ERROR
                      : check.acquisition().granted()
                          ? RateLimitOutcome.GRANTED
                          : RateLimitOutcome.LIMITED;
              meters.accept(policyId, outcome);
            });
  }

  private Future<Void> verdict(
      RequestIds ids,
      Principal principal,
      String intent,
      boolean enforced,
      List<Future<Check>> futures) {
    List<Check> checks = futures.stream().map(Future::result).toList();
    List<Check> limited =
        checks.stream()
            .filter(c -> c.acquisition() != null && !c.acquisition().granted())
            .sorted(
                Comparator.comparingLong((Check c) -> c.acquisition().retryAfterSeconds())
                    .reversed())
            .toList();
    if (!limited.isEmpty()) {
      decisionLog.recordRateLimited(
          ids, principal.id(), intent, limited.stream().map(Check::policyId).toList(), enforced);
      Check longest = limited.getFirst();
      return enforced
          ? Future.failedFuture(
              new RateLimitedException(
                  longest.policyId(), longest.limit(), longest.acquisition().retryAfterSeconds()))
          : Future.succeededFuture();
    }
    Optional<Check> failed = checks.stream().filter(c -> c.error() != null).findFirst();
    if (failed.isEmpty()) {
      return Future.succeededFuture();
    }
    boolean deny = enforced && config.onStoreError() == RateLimitConfig.OnStoreError.DENY;
    warnAtMostPeriodically(failed.get(), deny);
    return deny
        ? Future.failedFuture(new RateLimitStoreUnavailableException(failed.get().policyId()))
        : Future.succeededFuture();
  }

  /** An outage fails every limited request: one line per interval says so without a flood. */
  private void warnAtMostPeriodically(Check check, boolean denied) {
    storeWarning.warn(
        () ->
            LOG.warn(
                "rate limit of policy '{}' not checked, request {} (rateLimits.onStoreError: {}):"
                    + " {}",
                check.policyId(),
                denied ? "denied" : "allowed",
                config.onStoreError().displayName(),
                check.error().getMessage()));
  }
}
