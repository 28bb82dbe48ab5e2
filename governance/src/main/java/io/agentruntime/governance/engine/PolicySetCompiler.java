package io.agentruntime.governance.engine;

import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.cedar.CedarSyntaxCheck;
import io.agentruntime.governance.cedar.CedarSyntaxError;
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

  private record Parsed(PolicyDocument document, Policy policy, ActionScope scope) {}

  CompiledPolicySet compile(PolicySetSnapshot snapshot) throws PolicySetCompilationException {
    rejectDuplicateIds(snapshot.policies());
    List<Parsed> parsed = new ArrayList<>();
    for (PolicyDocument document : snapshot.policies()) {
      parsed.add(parse(document));
    }
    Set<String> actions = new LinkedHashSet<>();
    parsed.forEach(p -> p.scope().actions().ifPresent(actions::addAll));
    Map<String, ActionPolicies> byAction = new HashMap<>();
    for (String action : actions) {
      byAction.put(action, prepare(parsed, Optional.of(action)));
    }
    Map<String, RateLimit> rateLimits = new HashMap<>();
    for (PolicyDocument document : snapshot.policies()) {
      document.rateLimit().ifPresent(limit -> rateLimits.put(document.id(), limit));
    }
    return new CompiledPolicySet(
        snapshot.version(), parsed.size(), byAction, prepare(parsed, Optional.empty()), rateLimits);
  }

  private Parsed parse(PolicyDocument document) throws PolicySetCompilationException {
    Policy policy = new Policy(document.cedar(), document.id());
    try {
      // The JSON form is Cedar's own parse of the policy: it both validates and yields the scope.
      return new Parsed(document, policy, ActionScope.fromPolicyJson(policy.toJson()));
    } catch (InternalException e) {
      throw syntaxError(document);
    }
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
  private static ActionPolicies prepare(List<Parsed> parsed, Optional<String> action)
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
    return new ActionPolicies(cached(enforced), withAudit, auditIds);
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
