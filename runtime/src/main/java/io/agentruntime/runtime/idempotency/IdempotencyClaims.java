package io.agentruntime.runtime.idempotency;

import io.agentruntime.runtime.coordination.CoordinationTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The blocking table calls of {@link DynamoDbIdempotencyStore}, one item per claim: {@code
 * IDEM#<namespace>/<name>#<sha-256 of principal and key>} / {@code #} with {@code state} ({@code
 * pending} or {@code done}), {@code bodyDigest}, {@code owner}, {@code expiresAt} (epoch seconds,
 * as DynamoDB TTL reads it) and, once done, the reply ({@code status}, {@code contentType}, {@code
 * headers}, {@code body}) or {@code tooLarge}. Every write is conditional; none needs a
 * transaction, and expiry is checked by the readers because dynalite has no TTL (enable DynamoDB
 * TTL on {@code expiresAt} in production to have lapsed claims deleted).
 */
final class IdempotencyClaims {

  private static final String PENDING = "pending";
  private static final String DONE = "done";

  private final CoordinationTable table;
  private final String partitionPrefix;

  /**
   * @param runtime the runtime whose claims these are, {@code <namespace>/<name>}
   */
  IdempotencyClaims(CoordinationTable table, String runtime) {
    this.table = table;
    this.partitionPrefix = "IDEM#" + runtime + "#";
  }

  /**
   * Claims the key for {@code owner} unless a live claim holds it.
   *
   * @return whether this call made the claim
   */
  boolean claim(IdempotentRequest request, String owner, long nowMillis, long expiresAtMillis) {
    long expiresAtSeconds = Math.ceilDiv(expiresAtMillis, 1000);
    Map<String, AttributeValue> item = new HashMap<>(key(request));
    item.put("state", AttributeValue.fromS(PENDING));
    item.put("bodyDigest", AttributeValue.fromS(request.bodyDigestHex()));
    item.put("owner", AttributeValue.fromS(owner));
    item.put("expiresAt", number(expiresAtSeconds));
    return conditional(
        "idempotency_claim",
        () ->
            table
                .client()
                .putItem(
                    put ->
                        put.tableName(table.table())
                            .item(item)
                            .conditionExpression("attribute_not_exists(pk) OR #expiresAt < :now")
                            .expressionAttributeNames(Map.of("#expiresAt", "expiresAt"))
                            .expressionAttributeValues(Map.of(":now", number(nowMillis / 1000)))));
  }

  /** The claim on the key, if any (consistent read). */
  Optional<ClaimItem> read(IdempotentRequest request) {
    Map<String, AttributeValue> item;
    try {
      item =
          table
              .client()
              .getItem(get -> get.tableName(table.table()).key(key(request)).consistentRead(true))
              .item();
      table.count("idempotency_read", null);
    } catch (SdkException e) {
      table.count("idempotency_read", e);
      throw e;
    }
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    boolean done = DONE.equals(item.get("state").s());
    return Optional.of(
        new ClaimItem(
            done,
            item.get("bodyDigest").s(),
            Long.parseLong(item.get("expiresAt").n()),
            done && item.containsKey("body") ? Optional.of(reply(item)) : Optional.empty()));
  }

  /**
   * Marks {@code owner}'s claim done with {@code reply}, or without one when it is too large to
   * keep.
   *
   * @return false when the claim is not {@code owner}'s any more (it expired and was taken over)
   */
  boolean complete(IdempotentRequest request, String owner, Optional<StoredReply> reply) {
    Map<String, String> names = new HashMap<>(Map.of("#state", "state", "#owner", "owner"));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":done", AttributeValue.fromS(DONE));
    values.put(":me", AttributeValue.fromS(owner));
    String update;
    if (reply.isPresent()) {
      StoredReply stored = reply.get();
      update =
          "SET #state = :done, #status = :status, #type = :type, #headers = :headers, #body = :body";
      names.put("#status", "status");
      names.put("#type", "contentType");
      names.put("#headers", "headers");
      names.put("#body", "body");
      values.put(":status", number(stored.status()));
      values.put(":type", AttributeValue.fromS(stored.contentType()));
      values.put(":headers", headers(stored.headers()));
      values.put(":body", AttributeValue.fromB(SdkBytes.fromByteArray(stored.body())));
    } else {
      update = "SET #state = :done, #tooLarge = :true";
      names.put("#tooLarge", "tooLarge");
      values.put(":true", AttributeValue.fromBool(true));
    }
    String expression = update;
    return conditional(
        "idempotency_complete",
        () ->
            table
                .client()
                .updateItem(
                    u ->
                        u.tableName(table.table())
                            .key(key(request))
                            .updateExpression(expression)
                            .conditionExpression("#owner = :me")
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)));
  }

  /**
   * Deletes {@code owner}'s claim: its answer says nothing was executed, so a retry must run.
   *
   * @return false when the claim is not {@code owner}'s any more
   */
  boolean release(IdempotentRequest request, String owner) {
    return conditional(
        "idempotency_release",
        () ->
            table
                .client()
                .deleteItem(
                    delete ->
                        delete
                            .tableName(table.table())
                            .key(key(request))
                            .conditionExpression("#owner = :me")
                            .expressionAttributeNames(Map.of("#owner", "owner"))
                            .expressionAttributeValues(
                                Map.of(":me", AttributeValue.fromS(owner)))));
  }

  private boolean conditional(String operation, Runnable write) {
    try {
      write.run();
      table.count(operation, null);
      return true;
    } catch (ConditionalCheckFailedException e) {
      table.count(operation, e);
      return false;
    } catch (SdkException e) {
      table.count(operation, e);
      throw e;
    }
  }

  private Map<String, AttributeValue> key(IdempotentRequest request) {
    return Map.of(
        "pk", AttributeValue.fromS(partitionPrefix + request.scopedKeyHash()),
        "sk", AttributeValue.fromS("#"));
  }

  private static StoredReply reply(Map<String, AttributeValue> item) {
    Map<String, String> headers = new HashMap<>();
    item.getOrDefault("headers", AttributeValue.fromM(Map.of()))
        .m()
        .forEach((name, value) -> headers.put(name, value.s()));
    return new StoredReply(
        Integer.parseInt(item.get("status").n()),
        item.get("contentType").s(),
        headers,
        item.get("body").b().asByteArray());
  }

  private static AttributeValue headers(Map<String, String> headers) {
    Map<String, AttributeValue> values = new HashMap<>();
    headers.forEach((name, value) -> values.put(name, AttributeValue.fromS(value)));
    return AttributeValue.fromM(values);
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
