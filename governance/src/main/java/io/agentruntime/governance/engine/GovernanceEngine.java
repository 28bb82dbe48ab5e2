package io.agentruntime.governance.engine;

import com.cedarpolicy.value.Value;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.engine.jvm.JvmRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides governance requests with Cedar against the currently installed policy set.
 *
 * <p>Thread-safe and non-blocking: {@link #decide} may run on an event loop. {@link #install}
 * parses a new set and swaps it in atomically; on a parse error the previous set stays.
 *
 * <p>cedar-java parses and validates every policy. By default ({@link EvaluatorChoice#JVM}) the
 * policies are also compiled for the JVM and decided there, reading the request's context in place;
 * a set using something the JVM evaluator does not support, and a request whose content only
 * cedar-java can interpret ({@link ContextCheck}), are decided by cedar-java. cedar-java decisions
 * are memoised per installed set (keyed by principal, groups, action, resource and the converted
 * context): a repeated request skips the native call, and installing a set starts a fresh memo.
 */
public final class GovernanceEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GovernanceEngine.class);
  private static final MemoKey WARM_UP = new MemoKey("warm-up", Set.of(), "", "warm-up", "{}");

  private final EnforcementMode mode;
  private final EvaluatorChoice choice;
  private final EvaluatorListener listener;
  private final PolicySetCompiler compiler = new PolicySetCompiler();
  private final CedarEvaluator evaluator = new CedarEvaluator();
  private final ShadowCheck shadow;
  private final AtomicReference<CompiledPolicySet> installed = new AtomicReference<>();

  /** An engine deciding with the JVM evaluator. */
  public GovernanceEngine(EnforcementMode mode) {
    this(mode, EvaluatorChoice.JVM, EvaluatorListener.NONE);
  }

  public GovernanceEngine(
      EnforcementMode mode, EvaluatorChoice choice, EvaluatorListener listener) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.choice = Objects.requireNonNull(choice, "choice");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.shadow =
        choice == EvaluatorChoice.SHADOW
            ? new ShadowCheck(evaluator, listener, ShadowCheck.QUEUE_CAPACITY)
            : null;
  }

  /** Parses and atomically installs {@code snapshot}; the last good set stays on error. */
  public void install(PolicySetSnapshot snapshot) throws PolicySetCompilationException {
    CompiledPolicySet compiled = compiler.compile(snapshot);
    if (choice != EvaluatorChoice.CEDAR && compiled.jvmUnsupported().isPresent()) {
      LOG.warn(
          "Policy set version {} is decided by cedar-java: {}, which the JVM evaluator does not"
              + " support",
          compiled.version(),
          compiled.jvmUnsupported().get());
      listener.policySetFallback();
    }
    // The first native call initialises cedar-java's serialisers (hundreds of milliseconds): pay
    // that here, on the installing thread, rather than on the event loop serving the first request.
    evaluator.evaluate(compiled.forAction(WARM_UP.action()), CedarCall.of(WARM_UP, Map.of()));
    installed.set(compiled);
  }

  /** Decides one request; never throws for request content (errors deny). */
  public Decision decide(DecisionRequest request) {
    long start = System.nanoTime();
    CompiledPolicySet set = installed.get();
    Outcome outcome;
    if (set == null) {
      outcome = Outcome.error("no policy set is installed");
    } else {
      outcome = decideSafely(set, request);
    }
    long version = set == null ? -1 : set.version();
    return new Decision(
        outcome.effect(),
        mode,
        outcome.policies(),
        outcome.auditDenials(),
        outcome.errors(),
        version,
        System.nanoTime() - start);
  }

  private Outcome decideSafely(CompiledPolicySet set, DecisionRequest request) {
    try {
      return decideWith(set, request);
    } catch (ContextConversionException e) {
      return Outcome.error(e.getMessage());
    } catch (RuntimeException e) {
      // Fail closed on anything unexpected rather than break the caller's request handling.
      return Outcome.error("governance evaluation failed: " + e);
    }
  }

  private Outcome decideWith(CompiledPolicySet set, DecisionRequest request)
      throws ContextConversionException {
    List<String> missing = missingFields(request);
    if (!missing.isEmpty()) {
      return Outcome.error("request is missing " + String.join(", ", missing));
    }
    ActionPolicies policies = set.forAction(request.action());
    if (choice != EvaluatorChoice.CEDAR
        && policies.jvm().isPresent()
        && ContextCheck.readableInPlace(request)) {
      Outcome outcome =
          JvmEvaluator.evaluate(
              policies.jvm().get(),
              new JvmRequest(
                  request.principal(),
                  request.groups(),
                  request.action(),
                  request.resource(),
                  request.context()));
      if (shadow != null) {
        shadow.submit(set, request, outcome);
      }
      return outcome;
    }
    return decideWithCedar(set, policies, request);
  }

  private Outcome decideWithCedar(
      CompiledPolicySet set, ActionPolicies policies, DecisionRequest request)
      throws ContextConversionException {
    Map<String, Value> context = ContextConverter.convert(request.context());
    MemoKey key =
        new MemoKey(
            request.principal(),
            request.groups(),
            request.action(),
            request.resource(),
            CanonicalContext.of(context));
    if (key.weight() > MemoKey.MAX_MEMOIZED_WEIGHT) {
      return evaluator.evaluate(policies, CedarCall.of(key, context));
    }
    // Looked up and stored separately so no cache lock is held across the native call.
    Outcome memoised = set.memo().getIfPresent(key);
    if (memoised != null) {
      return memoised;
    }
    Outcome outcome = evaluator.evaluate(policies, CedarCall.of(key, context));
    set.memo().put(key, outcome);
    return outcome;
  }

  // Runs on every decision: no collections unless something is actually missing.
  private static List<String> missingFields(DecisionRequest request) {
    if (request.principal() != null && request.action() != null && request.resource() != null) {
      return List.of();
    }
    List<String> missing = new ArrayList<>(3);
    if (request.action() == null) {
      missing.add("action");
    }
    if (request.principal() == null) {
      missing.add("principal");
    }
    if (request.resource() == null) {
      missing.add("resource");
    }
    return missing;
  }

  /** Whether a policy set has been installed (readiness). */
  public boolean hasPolicySet() {
    return installed.get() != null;
  }

  /** Version of the installed set, or -1 before the first install. */
  public long policySetVersion() {
    CompiledPolicySet set = installed.get();
    return set == null ? -1 : set.version();
  }

  /** Number of policies in the installed set. */
  public int policyCount() {
    CompiledPolicySet set = installed.get();
    return set == null ? 0 : set.policyCount();
  }

  /**
   * The rate limits of the installed set's policies, by policy id (only limited policies; empty
   * before the first install). Swapped together with the set, so the limits always belong to the
   * policies a concurrent {@link #decide} may name, give or take one install.
   */
  public Map<String, RateLimit> rateLimits() {
    return limits().rateLimits();
  }

  /**
   * The budgets of the installed set's policies, by policy id, tokens before cost (only budgeted
   * policies; empty before the first install). Swapped with the set, like {@link #rateLimits()}.
   */
  public Map<String, List<Budget>> budgets() {
    return limits().budgets();
  }

  private InstalledLimits limits() {
    CompiledPolicySet set = installed.get();
    return set == null ? InstalledLimits.NONE : set.limits();
  }

  /** Stops the {@code shadow} check's worker, if any. */
  @Override
  public void close() {
    if (shadow != null) {
      shadow.close();
    }
  }

  /**
   * Whether deny decisions block requests ({@code ENFORCE}) or are only reported ({@code AUDIT}).
   */
  public EnforcementMode mode() {
    return mode;
  }
}
