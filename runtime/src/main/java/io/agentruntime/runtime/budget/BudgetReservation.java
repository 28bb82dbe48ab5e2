package io.agentruntime.runtime.budget;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.governance.Budget;
import io.agentruntime.runtime.coordination.PeriodicWarning;
import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holds one request placed in its budgets, to be ended exactly once after the backend call,
 * whatever its outcome: {@link #commit} when the call answered, {@link #release} when it did not.
 * Ending writes to the store in the background: the answer does not wait for it, and a hold a
 * failed write leaves behind expires on its own.
 *
 * <p>A reservation is a value ({@link #toJson()}): a call run elsewhere (a queued dispatch, by a
 * worker that may be another process) carries it and ends it there ({@link #fromJson}).
 */
public final class BudgetReservation {

  private static final Logger LOG = LoggerFactory.getLogger(BudgetReservation.class);

  /** Reservations ended where they were not placed share one warning per interval. */
  private static final PeriodicWarning RESTORED_WARNING = new PeriodicWarning();

  /** The reservation of a request no budget applies to: ending it does nothing. */
  public static final BudgetReservation NONE = new BudgetReservation(null, List.of(), null, null);

  /**
   * One bucket's hold.
   *
   * @param remaining what the window had left once the hold was placed
   */
  record Held(String policyId, BudgetKey key, Budget budget, BudgetHold hold, long remaining) {}

  private final BudgetStore store;
  private final List<Held> held;
  private final BudgetDemand demand;
  private final PeriodicWarning storeWarning;

  BudgetReservation(
      BudgetStore store, List<Held> held, BudgetDemand demand, PeriodicWarning storeWarning) {
    this.store = store;
    this.held = held;
    this.demand = demand;
    this.storeWarning = storeWarning;
  }

  /** What each kind of budget had left once this reservation's holds were placed. */
  public BudgetRemaining remaining() {
    BudgetRemaining remaining = BudgetRemaining.NONE;
    for (Held one : held) {
      remaining = remaining.tighter(one.budget().kind(), one.remaining());
    }
    return remaining;
  }

  /**
   * Charges what the call consumed and returns the rest of each hold. A backend that reports no
   * usage is charged the whole reservation (its prompt estimate and completion bound), so a budget
   * never counts less than was possibly spent.
   *
   * @param reported the usage the backend reported, if any
   * @return what each kind of budget has left after this request, the tightest of its buckets
   */
  public BudgetRemaining commit(Optional<TokenUsage> reported) {
    if (held.isEmpty()) {
      return BudgetRemaining.NONE;
    }
    TokenUsage used = reported.orElse(demand.worstCase());
    BudgetRemaining remaining = BudgetRemaining.NONE;
    for (Held one : held) {
      long amount = demand.amount(one.budget().kind(), used).orElse(0L);
      end(one, amount);
      long left = one.remaining() + one.hold().amount() - amount;
      remaining = remaining.tighter(one.budget().kind(), left);
    }
    return remaining;
  }

  /** Returns every hold whole: the call consumed nothing the runtime can know of. */
  public void release() {
    held.forEach(one -> end(one, 0));
  }

  private void end(Held one, long used) {
    store
        .settle(one.key(), one.budget(), one.hold(), used)
        .onFailure(
            failure ->
                storeWarning.warn(
                    () ->
                        LOG.warn(
                            "budget hold of request {} in policy '{}' not settled; it expires at"
                                + " {}: {}",
                            one.hold().id(),
                            one.policyId(),
                            Instant.ofEpochMilli(one.hold().expiresAtMillis()),
                            failure.getMessage())));
  }

  /**
   * The reservation as a value a queue message carries: each hold with its bucket, and the demand
   * that prices what the call reports; {@code null} when nothing is held.
   */
  public JsonObject toJson() {
    if (held.isEmpty()) {
      return null;
    }
    JsonArray holds = new JsonArray();
    for (Held one : held) {
      holds.add(
          new JsonObject()
              .put("policy", one.policyId())
              .put("kind", one.budget().kind().label())
              .put("budget", one.budget().toString())
              .put("subject", one.key().subject())
              .put("id", one.hold().id())
              .put("amount", one.hold().amount())
              .put("expiresAt", one.hold().expiresAtMillis())
              .put("remaining", one.remaining()));
    }
    JsonObject json =
        new JsonObject().put("holds", holds).put("worstCase", demand.worstCase().toJson());
    demand
        .price()
        .ifPresent(
            price ->
                json.put(
                    "price",
                    new JsonObject()
                        .put("promptPerMillion", price.promptPerMillion().toPlainString())
                        .put(
                            "completionPerMillion", price.completionPerMillion().toPlainString())));
    return json;
  }

  /**
   * The reservation {@link #toJson()} wrote, ended through {@code store}; {@link #NONE} for {@code
   * null}.
   *
   * @throws IllegalArgumentException when {@code json} is not such a reservation
   */
  public static BudgetReservation fromJson(JsonObject json, BudgetStore store) {
    if (json == null) {
      return NONE;
    }
    try {
      List<Held> held =
          json.getJsonArray("holds").stream()
              .map(JsonObject.class::cast)
              .map(BudgetReservation::held)
              .toList();
      TokenUsage worstCase = TokenUsage.fromRuntime(json.getJsonObject("worstCase")).orElseThrow();
      Optional<BackendConfig.Price> price =
          Optional.ofNullable(json.getJsonObject("price"))
              .map(
                  p ->
                      new BackendConfig.Price(
                          new BigDecimal(p.getString("promptPerMillion")),
                          new BigDecimal(p.getString("completionPerMillion"))));
      return new BudgetReservation(
          store, held, new BudgetDemand(worstCase, price), RESTORED_WARNING);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a budget reservation: " + e.getMessage(), e);
    }
  }

  private static Held held(JsonObject json) {
    Budget.Kind kind =
        java.util.Arrays.stream(Budget.Kind.values())
            .filter(candidate -> candidate.label().equals(json.getString("kind")))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("kind: " + json.getString("kind")));
    Budget budget = kind.parse(json.getString("budget"));
    String policyId = json.getString("policy");
    return new Held(
        policyId,
        new BudgetKey(policyId, kind, json.getString("subject")),
        budget,
        new BudgetHold(json.getString("id"), json.getLong("amount"), json.getLong("expiresAt")),
        json.getLong("remaining"));
  }

  /**
   * What budgets have left after a request, for its answer's headers.
   *
   * @param tokens tokens left in the tightest token budget, -1 when none applied
   * @param costMicros micro-dollars left in the tightest cost budget, -1 when none applied
   */
  public record BudgetRemaining(long tokens, long costMicros) {
    public static final BudgetRemaining NONE = new BudgetRemaining(-1, -1);

    BudgetRemaining tighter(Budget.Kind kind, long left) {
      long clamped = Math.max(0, left);
      return kind == Budget.Kind.TOKENS
          ? new BudgetRemaining(tokens < 0 ? clamped : Math.min(tokens, clamped), costMicros)
          : new BudgetRemaining(tokens, costMicros < 0 ? clamped : Math.min(costMicros, clamped));
    }
  }
}
