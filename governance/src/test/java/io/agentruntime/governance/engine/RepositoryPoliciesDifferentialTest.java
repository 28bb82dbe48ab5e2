package io.agentruntime.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every policy the repository holds (examples, test suites, benchmarks) and every case of the
 * regression corpus, decided by both evaluators: requests are built from the names and values each
 * policy mentions, so its conditions come out true, false and failed.
 */
class RepositoryPoliciesDifferentialTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*+)\"");
  private static final Pattern JOINED =
      Pattern.compile("\"(?:\\\\.|[^\"\\\\])*+\"(?:\\s*\\+\\s*\"(?:\\\\.|[^\"\\\\])*+\")*");
  private static final Pattern TEXT_BLOCK =
      Pattern.compile("\"\"\"\\s*\\n(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern CONTEXT_NAME = Pattern.compile("context\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern QUOTED = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*+)\"");
  private static final int REQUESTS_PER_POLICY = 200;

  private final DifferentialOracle oracle = new DifferentialOracle();

  @Test
  void everyPolicyInTheRepositoryIsDecidedAsCedarJavaDecidesIt() throws IOException {
    List<String> policies = repositoryPolicies();
    assertThat(policies).as("policies found in the repository").hasSizeGreaterThan(40);
    SplittableRandom random = new SplittableRandom(17);
    for (String text : policies) {
      List<PolicyDocument> set =
          List.of(new PolicyDocument("p", text, EnforcementMode.ENFORCE, "repo"));
      CompiledPolicySet compiled;
      try {
        compiled = oracle.compile(set);
      } catch (PolicySetCompilationException e) {
        continue;
      }
      assertThat(compiled.jvmUnsupported()).as(text).isEmpty();
      for (int i = 0; i < REQUESTS_PER_POLICY; i++) {
        DecisionRequest request = requestFor(text, random);
        assertThat(oracle.disagreement(compiled, request))
            .as("%s%nrequest %s", text, request)
            .isEmpty();
      }
    }
  }

  @Test
  void everyCaseOfTheRegressionCorpusAgrees() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/differential"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        DifferentialCase c = DifferentialCase.fromJson(Files.readString(file));
        assertThat(oracle.disagreement(oracle.compile(c.policies()), c.request()))
            .as("%s: %s", file.getFileName(), c.note())
            .isEmpty();
      }
    }
  }

  private static DecisionRequest requestFor(String policy, SplittableRandom random) {
    List<String> strings = new ArrayList<>(List.of("", "x"));
    Matcher quoted = QUOTED.matcher(policy);
    while (quoted.find()) {
      strings.add(quoted.group(1));
    }
    Map<String, Object> context = new LinkedHashMap<>();
    Matcher names = CONTEXT_NAME.matcher(policy);
    while (names.find()) {
      if (random.nextInt(5) != 0) {
        context.put(names.group(1), value(strings, random));
      }
    }
    Set<String> groups = new LinkedHashSet<>();
    if (random.nextBoolean()) {
      groups.add(pick(strings, random));
    }
    return new DecisionRequest(
        pick(strings, random), groups, pick(strings, random), pick(strings, random), context);
  }

  private static Object value(List<String> strings, SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> pick(strings, random);
      case 1 -> random.nextInt(2000) - 1000;
      case 2 -> random.nextBoolean();
      case 3 -> List.of(pick(strings, random), pick(strings, random));
      case 4 -> 1.5;
      default -> pick(strings, random);
    };
  }

  private static String pick(List<String> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }

  /** Policies of the *.cedar files, of GovernancePolicy YAML and of Java string literals. */
  private static List<String> repositoryPolicies() throws IOException {
    Set<String> texts = new LinkedHashSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
              .toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".cedar") || name.endsWith(".yaml") || name.endsWith(".yml")) {
          texts.add(Files.readString(file));
        } else if (name.endsWith(".java") && file.toString().contains("/src/")) {
          texts.addAll(javaStrings(Files.readString(file)));
        }
      }
    }
    List<String> policies = new ArrayList<>();
    for (String text : texts) {
      if (text.contains("permit") || text.contains("forbid")) {
        policies.addAll(parsedPolicies(text));
      }
    }
    return policies;
  }

  private static List<String> javaStrings(String source) {
    List<String> strings = new ArrayList<>();
    Matcher block = TEXT_BLOCK.matcher(source);
    while (block.find()) {
      strings.add(block.group(1).stripIndent().replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    Matcher joined = JOINED.matcher(source);
    while (joined.find()) {
      StringBuilder text = new StringBuilder();
      Matcher literal = LITERAL.matcher(joined.group());
      while (literal.find()) {
        text.append(
            literal.group(1).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
      }
      strings.add(text.toString());
    }
    return strings;
  }

  /** Each policy of {@code text}, found from every {@code permit}/{@code forbid} it holds. */
  private static List<String> parsedPolicies(String text) {
    List<String> policies = new ArrayList<>();
    Matcher start =
        Pattern.compile("(?m)(?:@\\w+\\([^)]*\\)\\s*)*\\b(permit|forbid)\\s*\\(").matcher(text);
    while (start.find()) {
      int end = text.indexOf(';', start.start());
      while (end >= 0) {
        String candidate =
            text.substring(start.start(), end + 1).replaceAll("(?m)^\\s*cedar: \\|", "");
        try {
          PolicySet parsed = PolicySet.parsePolicies(candidate);
          if (parsed.policies.size() == 1) {
            for (Policy policy : parsed.policies) {
              policies.add(policy.policySrc);
            }
            break;
          }
        } catch (InternalException | RuntimeException e) {
          // Not a whole policy yet (a ';' inside a string), or not Cedar at all.
        }
        end = text.indexOf(';', end + 1);
        if (end - start.start() > 4_000) {
          break;
        }
      }
    }
    return policies;
  }
}
