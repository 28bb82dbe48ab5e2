package io.agentruntime.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The proof that the JVM evaluator is Cedar: random policy sets and requests decided by both it and
 * cedar-java (the oracle) must agree on the decision, the determining policies and the policies
 * that failed.
 *
 * <p>Each run draws a new seed (printed on failure; {@code -Ddifferential.seed=...} replays it) and
 * decides {@code -Ddifferential.cases} requests, 100,000 by default. A disagreement is shrunk to a
 * small counterexample (fewest policies, conditions, groups and context entries), printed as a
 * corpus entry for {@code src/test/resources/differential/}.
 */
class JvmEvaluatorDifferentialTest {
  private static final int CASES = Integer.getInteger("differential.cases", 100_000);
  private static final int REQUESTS_PER_SET = 50;

  private final DifferentialOracle oracle = new DifferentialOracle();

  @Test
  void generatedPolicySetsAreDecidedAsCedarJavaDecidesThem() {
    long seed = Long.getLong("differential.seed", new SplittableRandom().nextLong());
    SplittableRandom seeds = new SplittableRandom(seed);
    long[] setSeeds = new long[(CASES + REQUESTS_PER_SET - 1) / REQUESTS_PER_SET];
    for (int i = 0; i < setSeeds.length; i++) {
      setSeeds[i] = seeds.nextLong();
    }
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    LongAdder rejectedSets = new LongAdder();
    // Sets are independent and each has its own seed: checking them on every core changes nothing
    // but the wall time, and the failure reported is that of the first failing set.
    Optional<String> failure =
        IntStream.range(0, setSeeds.length)
            .parallel()
            .mapToObj(i -> checkSet(seed, setSeeds[i], outcomes, rejectedSets))
            .flatMap(Optional::stream)
            .findFirst();
    failure.ifPresent(Assertions::fail);
    // The generator must keep producing valid Cedar and every kind of result, or the run proves
    // little.
    assertThat(rejectedSets.sum()).as("sets cedar-java rejected").isLessThan(setSeeds.length / 20);
    assertThat(outcomes).as("seed %d", seed).containsKeys("Allow", "Deny", "Deny with failures");
    assertThat(outcomes.get("Deny with failures").sum()).isGreaterThan(CASES / 50);
    assertThat(outcomes.get("Allow").sum()).isGreaterThan(CASES / 50);
  }

  private Optional<String> checkSet(
      long seed, long setSeed, Map<String, LongAdder> outcomes, LongAdder rejectedSets) {
    CedarGenerator generator = new CedarGenerator(new SplittableRandom(setSeed));
    List<PolicyDocument> policies = generator.policySet();
    CompiledPolicySet set;
    try {
      set = oracle.compile(policies);
    } catch (PolicySetCompilationException e) {
      rejectedSets.increment();
      return Optional.empty();
    }
    for (int i = 0; i < REQUESTS_PER_SET; i++) {
      DecisionRequest request = generator.request();
      if (oracle.disagreement(set, request).isPresent()) {
        return Optional.of(counterexample(seed, policies, request));
      }
      outcomes.computeIfAbsent(kind(set, request), k -> new LongAdder()).increment();
    }
    return Optional.empty();
  }

  private static String kind(CompiledPolicySet set, DecisionRequest request) {
    if (!ContextCheck.readableInPlace(request)) {
      return "cedar-java path";
    }
    Outcome outcome =
        JvmEvaluator.evaluate(
            set.forAction(request.action()).jvm().orElseThrow(),
            new io.agentruntime.governance.engine.jvm.JvmRequest(
                request.principal(),
                request.groups(),
                request.action(),
                request.resource(),
                request.context()));
    if (!outcome.failedPolicies().isEmpty()) {
      return "Deny with failures";
    }
    return outcome.effect().displayName();
  }

  private String counterexample(long seed, List<PolicyDocument> policies, DecisionRequest request) {
    DifferentialCase small = shrink(new DifferentialCase("seed " + seed, policies, request));
    CompiledPolicySet set = compiled(small.policies()).orElseThrow();
    return "The JVM evaluator disagrees with cedar-java (seed "
        + seed
        + ", replay with -Ddifferential.seed="
        + seed
        + "):\n"
        + oracle.disagreement(set, small.request()).orElse("?")
        + "\nSmallest counterexample found (add it to src/test/resources/differential/):\n"
        + small.toJson();
  }

  /** Drops policies, conditions, groups and context entries while the disagreement remains. */
  private DifferentialCase shrink(DifferentialCase failing) {
    DifferentialCase current = failing;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (DifferentialCase candidate : smaller(current)) {
        if (disagrees(candidate)) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  private List<DifferentialCase> smaller(DifferentialCase c) {
    List<DifferentialCase> candidates = new ArrayList<>();
    for (int i = 0; c.policies().size() > 1 && i < c.policies().size(); i++) {
      List<PolicyDocument> fewer = new ArrayList<>(c.policies());
      fewer.remove(i);
      candidates.add(new DifferentialCase(c.note(), fewer, c.request()));
    }
    for (int i = 0; i < c.policies().size(); i++) {
      PolicyDocument policy = c.policies().get(i);
      for (String fewer : withoutOneClause(policy.cedar())) {
        List<PolicyDocument> policies = new ArrayList<>(c.policies());
        policies.set(i, new PolicyDocument(policy.id(), fewer, policy.mode(), policy.source()));
        candidates.add(new DifferentialCase(c.note(), policies, c.request()));
      }
    }
    DecisionRequest r = c.request();
    for (String group : r.groups()) {
      Set<String> groups = new LinkedHashSet<>(r.groups());
      groups.remove(group);
      candidates.add(
          new DifferentialCase(
              c.note(),
              c.policies(),
              new DecisionRequest(r.principal(), groups, r.action(), r.resource(), r.context())));
    }
    for (String key : r.context().keySet()) {
      Map<String, Object> context = new LinkedHashMap<>(r.context());
      context.remove(key);
      candidates.add(
          new DifferentialCase(
              c.note(),
              c.policies(),
              new DecisionRequest(r.principal(), r.groups(), r.action(), r.resource(), context)));
    }
    return candidates;
  }

  /** The policy without each of its {@code when}/{@code unless} clauses in turn. */
  static List<String> withoutOneClause(String policy) {
    List<String> shorter = new ArrayList<>();
    int scopeEnd = scopeEnd(policy);
    int start = scopeEnd;
    while (true) {
      int open = policy.indexOf('{', start);
      if (open < 0) {
        return shorter;
      }
      int close = matchingBrace(policy, open);
      int keyword =
          Math.max(policy.lastIndexOf(" when ", open), policy.lastIndexOf(" unless ", open));
      if (close < 0 || keyword < scopeEnd) {
        return shorter;
      }
      shorter.add(policy.substring(0, keyword) + policy.substring(close + 1));
      start = close + 1;
    }
  }

  /** Index just past the scope's closing parenthesis. */
  private static int scopeEnd(String policy) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < policy.length(); i++) {
      char c = policy.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
    }
    return policy.length();
  }

  private static int matchingBrace(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private boolean disagrees(DifferentialCase c) {
    return compiled(c.policies()).flatMap(set -> oracle.disagreement(set, c.request())).isPresent();
  }

  private Optional<CompiledPolicySet> compiled(List<PolicyDocument> policies) {
    try {
      return Optional.of(oracle.compile(policies));
    } catch (PolicySetCompilationException e) {
      return Optional.empty();
    }
  }
}
