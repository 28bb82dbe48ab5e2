package io.agentruntime.runtime.async;

import io.agentruntime.runtime.coordination.CoordinationTable;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Dispatch records in the governance table, in the partition {@code DISPATCH#<ns>/<name>#<id>}: one
 * item per event ({@code EVENT#0000000001}, ...) and the projection {@code #STATE} holding the
 * current state and its {@code version}, the number of the last event it folds.
 *
 * <p>The table has no transactions (nor does dynalite), so an append is two conditional writes: the
 * event item, put only if its number is free (two writers cannot both append event n), then the
 * projection, put only if it still holds version n-1. A writer that dies between the two leaves the
 * projection one event behind; the next {@link #load} folds the events past it and repairs it, so
 * the events stay the source of truth. Items carry {@code expiresAt} (epoch seconds) for a table
 * TTL where the table has one.
 */
public final class DynamoDbDispatchLedger implements DispatchLedger {

  private static final String PK = "pk";
  private static final String SK = "sk";
  private static final String STATE = "#STATE";
  private static final String EVENT_PREFIX = "EVENT#";
  private static final String BODY = "body";
  private static final String VERSION = "version";
  private static final String EXPIRES_AT = "expiresAt";

  private final CoordinationTable table;
  private final DynamoDbClient client;

  public DynamoDbDispatchLedger(CoordinationTable table) {
    this.table = table;
    this.client = table.client();
  }

  @Override
  public Optional<DispatchRecord> load(DispatchKey key) {
    Optional<DispatchRecord> projected =
        call(
            "GetItem",
            () ->
                Optional.ofNullable(
                        client
                            .getItem(
                                get ->
                                    get.tableName(table.table())
                                        .key(itemKey(key, STATE))
                                        .consistentRead(true))
                            .item())
                    .filter(item -> !item.isEmpty())
                    .filter(DynamoDbDispatchLedger::live)
                    .map(item -> DispatchCodec.record(new JsonObject(item.get(BODY).s()))));
    Events behind = eventsAfter(key, projected.map(DispatchRecord::version).orElse(0L));
    if (behind.events().isEmpty()) {
      return projected;
    }
    return Optional.of(repair(key, projected, behind));
  }

  /**
   * Events as stored.
   *
   * @param events in order
   * @param expiresAt the retention of the last one, which every write makes the longest
   */
  private record Events(List<DispatchEvent> events, Instant expiresAt) {}

  /** Folds the events the projection missed and stores the result, if nobody did meanwhile. */
  private DispatchRecord repair(
      DispatchKey key, Optional<DispatchRecord> projected, Events behind) {
    DispatchRecord record = projected.orElse(null);
    for (DispatchEvent event : behind.events()) {
      record =
          record == null
              ? DispatchRecord.queued(key, (DispatchEvent.Queued) event)
              : record.apply(event);
    }
    try {
      putState(record, projected.map(DispatchRecord::version), behind.expiresAt());
    } catch (DispatchConflictException e) {
      // another reader repaired it first: the same events folded the same way
    }
    return record;
  }

  @Override
  public DispatchRecord append(
      DispatchKey key, Optional<DispatchRecord> current, DispatchEvent event, Instant expiresAt) {
    long number = current.map(DispatchRecord::version).orElse(0L) + 1;
    Map<String, AttributeValue> item =
        Map.of(
            PK, string(key.partitionKey()),
            SK, string(eventKey(number)),
            BODY, string(DispatchCodec.event(event).encode()),
            EXPIRES_AT, number(expiresAt.getEpochSecond()));
    conditionalPut(
        key,
        PutItemRequest.builder()
            .tableName(table.table())
            .item(item)
            .conditionExpression("attribute_not_exists(" + PK + ")")
            .build());
    DispatchRecord next =
        current
            .map(record -> record.apply(event))
            .orElseGet(() -> DispatchRecord.queued(key, (DispatchEvent.Queued) event));
    putState(next, current.map(DispatchRecord::version), expiresAt);
    return next;
  }

  @Override
  public boolean renewLease(DispatchRecord current, Instant until, Instant expiresAt) {
    try {
      putState(current.leasedUntil(until), Optional.of(current.version()), expiresAt);
      return true;
    } catch (DispatchConflictException e) {
      return false;
    }
  }

  @Override
  public List<DispatchEvent> events(DispatchKey key) {
    return eventsAfter(key, 0).events();
  }

  private Events eventsAfter(DispatchKey key, long version) {
    return call(
        "Query",
        () -> {
          List<DispatchEvent> events = new ArrayList<>();
          long[] expiresAt = {0};
          QueryRequest query =
              QueryRequest.builder()
                  .tableName(table.table())
                  .consistentRead(true)
                  .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                  .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                  .expressionAttributeValues(
                      Map.of(
                          ":pk", string(key.partitionKey()),
                          ":from", string(eventKey(version + 1)),
                          ":to", string(EVENT_PREFIX + "~")))
                  .build();
          client.queryPaginator(query).items().stream()
              .filter(DynamoDbDispatchLedger::live)
              .forEach(
                  item -> {
                    events.add(DispatchCodec.event(new JsonObject(item.get(BODY).s())));
                    expiresAt[0] = Math.max(expiresAt[0], Long.parseLong(item.get(EXPIRES_AT).n()));
                  });
          return new Events(events, Instant.ofEpochSecond(expiresAt[0]));
        });
  }

  private void putState(DispatchRecord record, Optional<Long> previous, Instant expiresAt) {
    PutItemRequest.Builder put =
        PutItemRequest.builder()
            .tableName(table.table())
            .item(
                Map.of(
                    PK, string(record.key().partitionKey()),
                    SK, string(STATE),
                    VERSION, number(record.version()),
                    BODY, string(DispatchCodec.stored(record).encode()),
                    EXPIRES_AT, number(expiresAt.getEpochSecond())));
    if (previous.isPresent()) {
      put.conditionExpression("#v = :v")
          .expressionAttributeNames(Map.of("#v", VERSION))
          .expressionAttributeValues(Map.of(":v", number(previous.get())));
    } else {
      put.conditionExpression("attribute_not_exists(" + PK + ")");
    }
    conditionalPut(record.key(), put.build());
  }

  private void conditionalPut(DispatchKey key, PutItemRequest put) {
    try {
      client.putItem(put);
      table.count("PutItem", null);
    } catch (ConditionalCheckFailedException e) {
      table.count("PutItem", e);
      throw new DispatchConflictException(key);
    } catch (SdkException e) {
      table.count("PutItem", e);
      throw new DispatchStoreException(
          "cannot write dispatch " + key.id() + " to " + table.describe(), e);
    }
  }

  private <T> T call(String operation, Supplier<T> call) {
    try {
      T result = call.get();
      table.count(operation, null);
      return result;
    } catch (SdkException e) {
      table.count(operation, e);
      throw new DispatchStoreException(
          "cannot read dispatch records from " + table.describe() + ": " + e.getMessage(), e);
    }
  }

  private static boolean live(Map<String, AttributeValue> item) {
    AttributeValue expiresAt = item.get(EXPIRES_AT);
    return expiresAt == null || Long.parseLong(expiresAt.n()) > Instant.now().getEpochSecond();
  }

  private static Map<String, AttributeValue> itemKey(DispatchKey key, String sortKey) {
    return Map.of(PK, string(key.partitionKey()), SK, string(sortKey));
  }

  private static String eventKey(long number) {
    return EVENT_PREFIX + "%010d".formatted(number);
  }

  private static AttributeValue string(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
