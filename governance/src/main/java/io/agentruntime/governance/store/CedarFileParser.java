package io.agentruntime.governance.store;

import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.cedar.CedarSyntaxCheck;
import io.agentruntime.governance.cedar.CedarSyntaxError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Splits one {@code .cedar} file into {@link PolicyDocument}s, letting Cedar find the policies and
 * their annotations.
 *
 * <p>Ids come from {@code @id("...")}, else the file stem (one policy) or {@code <stem>.<n>}
 * (several, 1-based in file order). {@code @mode("Audit")} makes a policy Audit-only;
 * {@code @rateLimit("600/1m")} (or {@code "600/1m per runtime"}) limits the requests it permits,
 * {@code @tokenBudget("200000/1d")} and {@code @costBudget("50 USD/1mo")} what they may consume.
 * Public for the admin command, which reads the same files as {@link FilePolicyStore}.
 */
public final class CedarFileParser {
  private static final String CEDAR_ID_PREFIX = "policy";

  private final CedarSyntaxCheck syntaxCheck = new CedarSyntaxCheck();

  /**
   * The policies of one file's text.
   *
   * @param stem the file name without {@code .cedar}, the fallback id
   * @param source the file's path as errors and {@link PolicyDocument#source()} name it
   * @throws PolicyStoreException naming {@code source} and the line of a syntax error, or the bad
   *     annotation
   */
  public List<PolicyDocument> parse(String text, String stem, String source)
      throws PolicyStoreException {
    List<Policy> policies = parsedInFileOrder(text, source);
    List<PolicyDocument> documents = new ArrayList<>(policies.size());
    for (int i = 0; i < policies.size(); i++) {
      Policy policy = policies.get(i);
      Map<String, String> annotations = annotations(policy, source);
      String fallbackId = policies.size() == 1 ? stem : stem + "." + (i + 1);
      String id = annotations.getOrDefault("id", fallbackId);
      documents.add(
          new PolicyDocument(
              id,
              policy.getSource(),
              mode(annotations, source),
              limits(annotations, source),
              source));
    }
    return documents;
  }

  private List<Policy> parsedInFileOrder(String text, String source) throws PolicyStoreException {
    PolicySet set;
    try {
      set = PolicySet.parsePolicies(text);
    } catch (InternalException e) {
      throw new PolicyStoreException(source + ": " + locate(text, e));
    }
    if (set.getNumTemplates() > 0) {
      throw new PolicyStoreException(source + ": policy templates are not supported");
    }
    // Cedar names the policies of a parsed text policy0, policy1, ... in the order they appear.
    return set.policies.stream()
        .sorted(Comparator.comparingInt(CedarFileParser::position))
        .toList();
  }

  private static int position(Policy policy) {
    String id = policy.getID();
    return id.startsWith(CEDAR_ID_PREFIX)
        ? Integer.parseInt(id.substring(CEDAR_ID_PREFIX.length()))
        : Integer.MAX_VALUE;
  }

  /** Finds the statement Cedar rejects and reports its position within the whole file. */
  private String locate(String text, InternalException failure) {
    for (CedarStatements.Statement statement : CedarStatements.split(text)) {
      Optional<CedarSyntaxError> error = syntaxCheck.check(statement.text());
      if (error.isPresent()) {
        return error.get().shiftedBy(statement.line(), statement.column()).describe();
      }
    }
    return String.join("; ", failure.getErrors());
  }

  private static Map<String, String> annotations(Policy policy, String source)
      throws PolicyStoreException {
    try {
      return policy.getAnnotations();
    } catch (InternalException e) {
      throw new PolicyStoreException(source + ": cannot read annotations: " + e.getMessage(), e);
    }
  }

  private static EnforcementMode mode(Map<String, String> annotations, String source)
      throws PolicyStoreException {
    String mode = annotations.get("mode");
    if (mode == null) {
      return EnforcementMode.ENFORCE;
    }
    try {
      return EnforcementMode.parse(mode);
    } catch (IllegalArgumentException e) {
      throw new PolicyStoreException(source + ": annotation @mode " + e.getMessage());
    }
  }

  private static PolicyLimits limits(Map<String, String> annotations, String source)
      throws PolicyStoreException {
    return new PolicyLimits(
        annotation(annotations, "rateLimit", RateLimit::parse, source),
        annotation(annotations, Budget.Kind.TOKENS.attribute(), Budget::parseTokens, source),
        annotation(annotations, Budget.Kind.COST.attribute(), Budget::parseCost, source));
  }

  private static <T> Optional<T> annotation(
      Map<String, String> annotations, String name, Function<String, T> parser, String source)
      throws PolicyStoreException {
    String text = annotations.get(name);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text));
    } catch (IllegalArgumentException e) {
      throw new PolicyStoreException(source + ": annotation @" + name + " " + e.getMessage());
    }
  }
}
