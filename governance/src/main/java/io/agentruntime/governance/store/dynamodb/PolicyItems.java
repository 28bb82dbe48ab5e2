package io.agentruntime.governance.store.dynamodb;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.store.PolicyStoreException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of a policy set, in one place: key and attribute names, and the conversion of a
 * policy item to a {@link PolicyDocument}.
 *
 * <p>The head's sort key {@code #HEAD} sorts before every {@code POLICY#...} key, so a query of the
 * partition returns the head first.
 */
final class PolicyItems {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String HEAD_SK = "#HEAD";
  static final String POLICY_SK_PREFIX = "POLICY#";
  static final String CEDAR = "cedar";
  static final String MODE = "mode";
  static final String UPDATED_AT = "updatedAt";
  static final String VERSION = "version";
  static final String RATE_LIMIT = "rateLimit";

  private PolicyItems() {}

  static Map<String, AttributeValue> headKey(PolicySetKey set) {
    return Map.of(PK, string(set.partitionKey()), SK, string(HEAD_SK));
  }

  static Map<String, AttributeValue> policyKey(PolicySetKey set, String policyId) {
    return Map.of(PK, string(set.partitionKey()), SK, string(POLICY_SK_PREFIX + policyId));
  }

  static boolean isHead(Map<String, AttributeValue> item) {
    return HEAD_SK.equals(stringOrNull(item, SK));
  }

  static boolean isPolicy(Map<String, AttributeValue> item) {
    String sk = stringOrNull(item, SK);
    return sk != null && sk.startsWith(POLICY_SK_PREFIX);
  }

  /** The head's version; a head without one is corrupt, not version 0. */
  static long headVersion(Map<String, AttributeValue> head, String table)
      throws PolicyStoreException {
    AttributeValue version = head.get(VERSION);
    if (version == null || version.n() == null) {
      throw new PolicyStoreException(
          describe(head, table) + ": attribute '" + VERSION + "' must be a number");
    }
    try {
      return Long.parseLong(version.n());
    } catch (NumberFormatException e) {
      throw new PolicyStoreException(
          describe(head, table)
              + ": attribute '"
              + VERSION
              + "' is not an integer: "
              + version.n());
    }
  }

  static PolicyDocument toDocument(Map<String, AttributeValue> item, String table)
      throws PolicyStoreException {
    String where = describe(item, table);
    String cedar = stringOrNull(item, CEDAR);
    if (cedar == null) {
      throw new PolicyStoreException(where + ": attribute '" + CEDAR + "' must be a string");
    }
    EnforcementMode mode;
    try {
      mode = EnforcementMode.parse(stringOrNull(item, MODE));
    } catch (IllegalArgumentException e) {
      throw new PolicyStoreException(where + ": attribute '" + MODE + "' " + e.getMessage());
    }
    PolicyLimits limits =
        new PolicyLimits(
            limit(item, RATE_LIMIT, RateLimit::parse, where),
            limit(item, Budget.Kind.TOKENS.attribute(), Budget::parseTokens, where),
            limit(item, Budget.Kind.COST.attribute(), Budget::parseCost, where));
    String id = stringOrNull(item, SK).substring(POLICY_SK_PREFIX.length());
    return new PolicyDocument(id, cedar, mode, limits, where);
  }

  /** The limit in the string attribute {@code name}, in the compact form of its annotation. */
  private static <T> Optional<T> limit(
      Map<String, AttributeValue> item, String name, Function<String, T> parser, String where)
      throws PolicyStoreException {
    try {
      return Optional.ofNullable(stringOrNull(item, name)).map(parser);
    } catch (IllegalArgumentException e) {
      throw new PolicyStoreException(where + ": attribute '" + name + "' " + e.getMessage());
    }
  }

  static AttributeValue string(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static String describe(Map<String, AttributeValue> item, String table) {
    return "dynamodb:"
        + table
        + " item pk="
        + stringOrNull(item, PK)
        + " sk="
        + stringOrNull(item, SK);
  }

  private static String stringOrNull(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
