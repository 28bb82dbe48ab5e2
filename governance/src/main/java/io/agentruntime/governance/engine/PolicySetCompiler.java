package io.agentruntime.governance.engine;

import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.cedar.CedarSyntaxCheck;
import io.agentruntime.governance.cedar.CedarSyntaxError;
import io.agentruntime.governance.engine.jvm.CompiledPolicy;
import io.agentruntime.governance.engine.jvm.UnsupportedPolicyException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses a {@link PolicySetSnapshot} once and indexes it by action.
 *
 * <p>For every action some policy names, the compiler prepares the Cedar set of just the policies
 * that can apply to it (plus the unconstrained ones) and has cedar-java cache it parsed on the
 * native side, so a decision neither re-serialises nor re-parses policies it cannot need.
 */
final class PolicySetCompiler {
  private final CedarSyntaxCheck syntaxCheck = new CedarSyntaxCheck();

  private record Parsed(
      PolicyDocument document, Policy policy, ActionScope scope, String policyJson) {}

  CompiledPolicySet compile(PolicySetSnapshot snapshot) throws PolicySetCompilationException {
    rejectDuplicateIds(snapshot.policies());
    List<Parsed> parsed = new ArrayList<>();
    for (PolicyDocument document : snapshot.policies()) {
      parsed.add(parse(document));
    }
    Optional<Map<String, CompiledPolicy>> jvm;
    Optional<String> unsupported;
    try {
      jvm = Optional.of(compileForJvm(parsed));
      unsupported = Optional.empty();
    } catch (UnsupportedPolicyException e) {
      jvm = Optional.empty();
      unsupported = Optional.of(e.getMessage());
    }
    Set<String> actions = new LinkedHashSet<>();
    parsed.forEach(p -> p.scope().actions().ifPresent(actions::addAll));
    Map<String, ActionPolicies> byAction = new HashMap<>();
    for (String action : actions) {
      byAction.put(action, prepare(parsed, Optional.of(action), jvm));
    }
    Map<String, RateLimit> rateLimits = new HashMap<>();
    Map<String, List<Budget>> budgets = new HashMap<>();
    for (PolicyDocument document : snapshot.policies()) {
      document.rateLimit().ifPresent(limit -> rateLimits.put(document.id(), limit));
      List<Budget> policyBudgets = document.limits().budgets();
      if (!policyBudgets.isEmpty()) {
        budgets.put(document.id(), policyBudgets);
      }
    }
    return new CompiledPolicySet(
        snapshot.version(),
        parsed.size(),
        byAction,
        prepare(parsed, Optional.empty(), jvm),
        new InstalledLimits(rateLimits, budgets),
        unsupported);
  }

  private Parsed parse(PolicyDocument document) throws PolicySetCompilationException {
    Policy policy = new Policy(document.cedar(), document.id());
    try {
      // The JSON form is Cedar's own parse of the policy: it validates, yields the scope and is
      // what the JVM evaluator compiles.
      String json = policy.toJson();
      return new Parsed(document, policy, ActionScope.fromPolicyJson(json), json);
    } catch (InternalException e) {
      throw syntaxError(document);
    }
  }

  /**
   * Compiles every policy for the JVM evaluator, or none: one policy it does not support sends the
   * whole set to cedar-java.
   */
  private static Map<String, CompiledPolicy> compileForJvm(List<Parsed> parsed)
      throws UnsupportedPolicyException {
    Map<String, CompiledPolicy> byId = new HashMap<>();
    for (Parsed policy : parsed) {
      String id = policy.document().id();
      try {
        byId.put(id, CompiledPolicy.compile(id, policy.policyJson()));
      } catch (UnsupportedPolicyException e) {
        throw new UnsupportedPolicyException("policy '" + id + "' uses " + e.getMessage());
      }
    }
    return byId;
  }

  private PolicySetCompilationException syntaxError(PolicyDocument document) {
    String detail =
        syntaxCheck
            .check(document.cedar())
            .map(CedarSyntaxError::describe)
            .orElse("not a single static Cedar policy");
    return new PolicySetCompilationException(
        "policy '" + document.id() + "' (" + document.source() + "): " + detail);
  }

  private static void rejectDuplicateIds(List<PolicyDocument> documents)
      throws PolicySetCompilationException {
    Map<String, PolicyDocument> seen = new HashMap<>();
    for (PolicyDocument document : documents) {
      PolicyDocument earlier = seen.putIfAbsent(document.id(), document);
      if (earlier != null) {
        throw new PolicySetCompilationException(
            "policy id '"
                + document.id()
                + "' is used twice: in "
                + earlier.source()
                + " and in "
                + document.source());
      }
    }
  }

  /** The sets for one action, or for actions no policy names when {@code action} is empty. */
  private static ActionPolicies prepare(
      List<Parsed> parsed, Optional<String> action, Optional<Map<String, CompiledPolicy>> jvm)
      throws PolicySetCompilationException {
    List<Parsed> applicable = parsed.stream().filter(p -> appliesTo(p.scope(), action)).toList();
    Set<Policy> enforced =
        applicable.stream()
            .filter(p -> p.document().mode() == EnforcementMode.ENFORCE)
            .map(Parsed::policy)
            .collect(Collectors.toSet());
    Set<String> auditIds =
        applicable.stream()
            .filter(p -> p.document().mode() == EnforcementMode.AUDIT)
            .map(p -> p.document().id())
            .collect(Collectors.toSet());
    Optional<PolicySet> withAudit = Optional.empty();
    if (!auditIds.isEmpty()) {
      withAudit =
          Optional.of(cached(applicable.stream().map(Parsed::policy).collect(Collectors.toSet())));
    }
    Optional<JvmActionPolicies> compiled =
        jvm.map(
            byId ->
                new JvmActionPolicies(
                    applicable.stream().map(p -> byId.get(p.document().id())).toList(),
                    applicable.stream()
                        .map(p -> p.document().mode() == EnforcementMode.AUDIT)
                        .toList()));
    return new ActionPolicies(cached(enforced), withAudit, auditIds, compiled);
  }

  private static boolean appliesTo(ActionScope scope, Optional<String> action) {
    return scope.unconstrained()
        || action.map(name -> scope.actions().orElseThrow().contains(name)).orElse(false);
  }

  private static PolicySet cached(Set<Policy> policies) throws PolicySetCompilationException {
    PolicySet set = new PolicySet(policies);
    try {
      set.cache();
    } catch (CacheException e) {
      throw new PolicySetCompilationException("Cedar could not prepare the policy set", e);
    }
    return set;
  }
}
