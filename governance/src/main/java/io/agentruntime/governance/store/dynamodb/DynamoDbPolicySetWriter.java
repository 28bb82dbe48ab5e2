package io.agentruntime.governance.store.dynamodb;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.cedar.CedarSyntaxCheck;
import io.agentruntime.governance.cedar.CedarSyntaxError;
import io.agentruntime.governance.store.PolicyStoreException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Changes one runtime's policy set: used by the operator and the admin command.
 *
 * <p>Every change is two writes, in this order: the policy item, then a conditional bump of the
 * set's head ({@link HeadVersionBump}). A reader reloads only when the head's version moved, and
 * the head moves only after the policy write has succeeded, so a reader that sees the new version
 * also sees the change. If the bump fails the policy is written but readers have not been told;
 * retrying the call writes the same item again and bumps then, which is why a delete bumps the head
 * even when the policy was already gone. The head moves by exactly one per successful call, so
 * after N calls it has moved by N however many writers ran at once. No transactions, no TTL.
 *
 * <p>The writer does not own its client; it may be shared by the writers of many sets.
 */
public final class DynamoDbPolicySetWriter {
  private final DynamoDbClient client;
  private final String table;
  private final PolicySetKey set;
  private final Clock clock;
  private final HeadVersionBump headBump;
  private final CedarSyntaxCheck syntaxCheck = new CedarSyntaxCheck();

  /**
   * @param client a client of the table's home region
   * @param table the table's name
   * @param set the policy set to change
   * @param clock stamps {@code updatedAt}
   */
  public DynamoDbPolicySetWriter(
      DynamoDbClient client, String table, PolicySetKey set, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = DynamoDbPolicyStore.requireTable(table);
    this.set = Objects.requireNonNull(set, "set");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.headBump = new HeadVersionBump(client, table, set);
  }

  /**
   * Creates or replaces a policy, then bumps the head.
   *
   * @return the set's new version
   * @throws IllegalArgumentException when the policy id is blank or its Cedar text is not one valid
   *     policy (the message names the policy and the line)
   */
  public long put(PolicyDocument policy) throws PolicyStoreException {
    requireId(policy.id());
    Optional<CedarSyntaxError> error = syntaxCheck.check(policy.cedar());
    if (error.isPresent()) {
      throw new IllegalArgumentException(
          "policy '" + policy.id() + "': cedar: " + error.get().describe());
    }
    Map<String, String> names = new HashMap<>();
    names.put("#cedar", PolicyItems.CEDAR);
    names.put("#mode", PolicyItems.MODE);
    names.put("#at", PolicyItems.UPDATED_AT);
    names.put("#version", PolicyItems.VERSION);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":cedar", PolicyItems.string(policy.cedar()));
    values.put(":mode", PolicyItems.string(policy.mode().displayName()));
    values.put(":at", PolicyItems.string(clock.instant().toString()));
    values.put(":one", PolicyItems.number(1));
    LimitAttributes limits =
        new LimitAttributes(
            names,
            values,
            new StringBuilder("SET #cedar = :cedar, #mode = :mode, #at = :at"),
            new StringBuilder());
    limits.write(PolicyItems.RATE_LIMIT, policy.limits().rateLimit());
    for (Budget.Kind kind : Budget.Kind.values()) {
      limits.write(kind.attribute(), policy.limits().budget(kind));
    }
    String update =
        limits.set()
            + " ADD #version :one"
            + (limits.remove().isEmpty() ? "" : " REMOVE " + limits.remove());
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(PolicyItems.policyKey(set, policy.id()))
            .updateExpression(update)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .build();
    write("put of policy '" + policy.id() + "'", () -> client.updateItem(request));
    return headBump.bump();
  }

  /**
   * Writes a policy like {@link #put} unless the table already holds it with the same Cedar text,
   * mode and rate limit; then nothing is written and the head stays where it is, so readers do not
   * reload a set that did not change. A caller that re-applies its desired state on every resync
   * (the operator) writes only what changed.
   *
   * @return the set's version: new after a write, the current one otherwise
   * @throws IllegalArgumentException as {@link #put} does
   */
  public long putIfChanged(PolicyDocument policy) throws PolicyStoreException {
    requireId(policy.id());
    Map<String, AttributeValue> stored =
        read(PolicyItems.policyKey(set, policy.id()), "policy '" + policy.id() + "'");
    if (!holds(stored, policy)) {
      return put(policy);
    }
    Map<String, AttributeValue> head = read(PolicyItems.headKey(set), "the head");
    return head.isEmpty() ? 0 : PolicyItems.headVersion(head, table);
  }

  /**
   * Deletes a policy (absent is fine), then bumps the head.
   *
   * @return the set's new version
   */
  public long delete(String policyId) throws PolicyStoreException {
    requireId(policyId);
    DeleteItemRequest request =
        DeleteItemRequest.builder()
            .tableName(table)
            .key(PolicyItems.policyKey(set, policyId))
            .build();
    write("delete of policy '" + policyId + "'", () -> client.deleteItem(request));
    return headBump.bump();
  }

  /** Whether {@code item} is {@code desired}'s policy as written; a malformed item is not. */
  private boolean holds(Map<String, AttributeValue> item, PolicyDocument desired) {
    if (item.isEmpty()) {
      return false;
    }
    PolicyDocument stored;
    try {
      stored = PolicyItems.toDocument(item, table);
    } catch (PolicyStoreException malformed) {
      return false;
    }
    return stored.cedar().equals(desired.cedar())
        && stored.mode() == desired.mode()
        && stored.limits().equals(desired.limits());
  }

  /** The clauses of an update that sets each limit's attribute, or removes it when absent. */
  private record LimitAttributes(
      Map<String, String> names,
      Map<String, AttributeValue> values,
      StringBuilder set,
      StringBuilder remove) {

    /** The limit in its compact form, the one its annotation uses. */
    void write(String attribute, Optional<?> limit) {
      names.put("#" + attribute, attribute);
      if (limit.isPresent()) {
        set.append(", #").append(attribute).append(" = :").append(attribute);
        values.put(":" + attribute, PolicyItems.string(limit.get().toString()));
      } else {
        remove.append(remove.isEmpty() ? "#" : ", #").append(attribute);
      }
    }
  }

  /** One consistent read of the item at {@code key}; empty when there is none. */
  private Map<String, AttributeValue> read(Map<String, AttributeValue> key, String what)
      throws PolicyStoreException {
    GetItemRequest request =
        GetItemRequest.builder().tableName(table).key(key).consistentRead(true).build();
    Map<String, AttributeValue> item = new HashMap<>();
    write("read of " + what, () -> item.putAll(client.getItem(request).item()));
    return item;
  }

  private void write(String what, Runnable call) throws PolicyStoreException {
    try {
      call.run();
    } catch (SdkException e) {
      throw new PolicyStoreException(
          "DynamoDB table '%s' in region %s: %s in policy set %s failed: %s"
              .formatted(
                  table, client.serviceClientConfiguration().region(), what, set, e.getMessage()),
          e);
    }
  }

  private static void requireId(String policyId) {
    if (policyId == null || policyId.isBlank()) {
      throw new IllegalArgumentException("policy id must not be empty");
    }
  }
}
