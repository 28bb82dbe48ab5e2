package io.agentruntime.runtime.budget;

import io.agentruntime.contract.config.RateLimitConfig;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.Effect;
import io.agentruntime.runtime.coordination.PeriodicWarning;
import io.agentruntime.runtime.governance.DecisionLog;
import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.metrics.BudgetOutcome;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies token and cost budgets to allowed requests, before their backend call: each permitting
 * policy with a budget holds the request's worst case ({@link BudgetDemand}) in its bucket, and a
 * hold that does not fit answers 429. The caller ends the {@link BudgetReservation} after the call.
 * Requests no budgeted policy permitted cost one map lookup here. In Audit mode an exhausted budget
 * is counted and logged but never rejects. A bucket the store cannot reach follows {@code
 * rateLimits.onStoreError}, like a rate limit.
 */
public final class BudgetGate {

  /**
   * How long a hold outlives its request's timeout before any writer may return it: a pod that dies
   * mid-call leaks its reservations for no longer.
   */
  public static final Duration HOLD_GRACE = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(BudgetGate.class);
  private static final Future<BudgetReservation> NOTHING_HELD =
      Future.succeededFuture(BudgetReservation.NONE);

  /** One bucket's answer: a hold, a refusal, or the error that kept the bucket from answering. */
  private record Check(
      String policyId,
      Budget budget,
      BudgetReservation.Held held,
      BudgetAnswer answer,
      Throwable error) {}

  private final Supplier<Map<String, List<Budget>>> budgets;
  private final BudgetStore store;
  private final RateLimitConfig config;
  private final DecisionLog decisionLog;
  private final Clock clock;
  private final PeriodicWarning storeWarning = new PeriodicWarning();

  /**
   * @param budgets the budgets of the installed policy set, by policy id
   * @param config the store-outage behaviour, shared with rate limits
   */
  public BudgetGate(
      Supplier<Map<String, List<Budget>>> budgets,
      BudgetStore store,
      RateLimitConfig config,
      DecisionLog decisionLog,
      Clock clock) {
    this.budgets = budgets;
    this.store = store;
    this.config = config;
    this.decisionLog = decisionLog;
    this.clock = clock;
  }

  /**
   * Holds the worst case of a call of {@code intent} in each budget that applies: its timeout
   * bounds the holds.
   *
   * @param input the input sent to the backend, whose size estimates the prompt
   * @return the reservation to end after the call; see {@link #reserve(RequestIds, Principal,
   *     BudgetedCall, Decision)}
   */
  public Future<BudgetReservation> reserve(
      RequestIds ids, Principal principal, Intent intent, Decision decision, JsonObject input) {
    return reserve(ids, principal, intent, decision, input, intent.config().timeout());
  }

  /**
   * As {@link #reserve(RequestIds, Principal, Intent, Decision, JsonObject)}, for a call that may
   * start later: its holds last {@code holdFor}.
   */
  public Future<BudgetReservation> reserve(
      RequestIds ids,
      Principal principal,
      Intent intent,
      Decision decision,
      JsonObject input,
      Duration holdFor) {
    if (!applies(decision)) {
      // the common path: nothing allocated, no composition
      return NOTHING_HELD;
    }
    return reserve(
        ids,
        principal,
        new BudgetedCall(
            intent.name(),
            BudgetDemand.of(intent.config(), input),
            holdFor,
            intent.meters()::recordBudget),
        decision);
  }

  /**
   * Holds {@code call}'s worst case in each budget of the policies that permitted it.
   *
   * @return the reservation to end after the call; failed with {@link BudgetExhaustedException}
   *     (429) or, with {@code rateLimits.onStoreError: deny}, {@link
   *     BudgetStoreUnavailableException} (503), having returned every hold it placed
   */
  public Future<BudgetReservation> reserve(
      RequestIds ids, Principal principal, BudgetedCall call, Decision decision) {
    if (!applies(decision)) {
      return NOTHING_HELD;
    }
    Map<String, List<Budget>> installed = budgets.get();
    List<Future<Check>> checks = new ArrayList<>(2);
    for (String policyId : decision.policies()) {
      for (Budget budget : installed.getOrDefault(policyId, List.of())) {
        Optional<Long> amount = call.demand().amount(budget.kind(), call.demand().worstCase());
        if (amount.isEmpty()) {
          call.meters().accept(policyId, BudgetOutcome.UNPRICED);
          continue;
        }
        checks.add(check(ids, principal, call, policyId, budget, amount.get()));
      }
    }
    if (checks.isEmpty()) {
      return NOTHING_HELD;
    }
    boolean enforced = decision.mode() == EnforcementMode.ENFORCE;
    return Future.all(checks).transform(done -> verdict(ids, principal, call, enforced, checks));
  }

  /** Whether an allowed request's permitting policies have a budget; allocates nothing. */
  private boolean applies(Decision decision) {
    if (decision.effect() != Effect.ALLOW) {
      return false;
    }
    Map<String, List<Budget>> installed = budgets.get();
    if (installed.isEmpty()) {
      return false;
    }
    List<String> permitting = decision.policies();
    for (int i = 0; i < permitting.size(); i++) { // no iterator: nothing allocated per request
      if (installed.containsKey(permitting.get(i))) {
        return true;
      }
    }
    return false;
  }

  private Future<Check> check(
      RequestIds ids,
      Principal principal,
      BudgetedCall call,
      String policyId,
      Budget budget,
      long amount) {
    BudgetKey key = BudgetKey.of(policyId, budget, principal.id());
    long expiresAt = clock.millis() + call.holdFor().plus(HOLD_GRACE).toMillis();
    BudgetHold hold = new BudgetHold(ids.id(), amount, expiresAt);
    return store
        .reserve(key, budget, hold)
        .map(
            answer ->
                new Check(
                    policyId,
                    budget,
                    answer.granted()
                        ? new BudgetReservation.Held(
                            policyId, key, budget, hold, answer.remaining())
                        : null,
                    answer,
                    null))
        .otherwise(error -> new Check(policyId, budget, null, null, error))
        .andThen(done -> call.meters().accept(policyId, outcome(done.result())));
  }

  private static BudgetOutcome outcome(Check check) {
    if (check.error() != null) {
      return BudgetOutcome.STORE_ERROR;
    }
    return check.answer().granted() ? BudgetOutcome.RESERVED : BudgetOutcome.EXHAUSTED;
  }

  private Future<BudgetReservation> verdict(
      RequestIds ids,
      Principal principal,
      BudgetedCall call,
      boolean enforced,
      List<Future<Check>> futures) {
    List<Check> checks = futures.stream().map(Future::result).toList();
    List<BudgetReservation.Held> held =
        checks.stream().map(Check::held).filter(h -> h != null).toList();
    BudgetReservation reservation = new BudgetReservation(store, held, call.demand(), storeWarning);
    Optional<Check> exhausted =
        checks.stream()
            .filter(c -> c.answer() != null && !c.answer().granted())
            .max(Comparator.comparingLong(c -> c.answer().retryAfterSeconds()));
    if (exhausted.isPresent()) {
      decisionLog.recordBudgetExhausted(
          ids,
          principal.id(),
          call.action(),
          checks.stream()
              .filter(c -> c.answer() != null && !c.answer().granted())
              .map(Check::policyId)
              .toList(),
          enforced);
      if (enforced) {
        reservation.release();
        Check refused = exhausted.get();
        return Future.failedFuture(
            new BudgetExhaustedException(refused.policyId(), refused.budget(), refused.answer()));
      }
    }
    Optional<Check> failed = checks.stream().filter(c -> c.error() != null).findFirst();
    if (failed.isPresent()) {
      boolean deny = enforced && config.onStoreError() == RateLimitConfig.OnStoreError.DENY;
      storeWarning.warn(
          () ->
              LOG.warn(
                  "budget of policy '{}' not checked, request {} (rateLimits.onStoreError: {}): {}",
                  failed.get().policyId(),
                  deny ? "denied" : "allowed",
                  config.onStoreError().displayName(),
                  failed.get().error().getMessage()));
      if (deny) {
        reservation.release();
        return Future.failedFuture(new BudgetStoreUnavailableException(failed.get().policyId()));
      }
    }
    return Future.succeededFuture(reservation);
  }
}
