package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.coordination.CoordinationTable;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Sessions in the governance table, so that any pod serves any session: one item per session,
 * {@code MCPSESSION#<namespace>/<name>#<sha-256 of the principal>} / {@code <session id>}, with
 * {@code server}, {@code principal}, {@code upstreamId}, {@code client}, {@code createdAt} and
 * {@code expiresAt} (epoch seconds, as DynamoDB TTL reads it). A principal's sessions share a
 * partition: listing them is one {@code Query}, and a session looked up under another principal's
 * partition does not exist. Expiry is checked by the readers (dynalite has no TTL).
 */
final class DynamoDbMcpSessionStore implements McpSessionStore {

  private final CoordinationTable table;
  private final String partitionPrefix;

  /**
   * @param runtime the runtime whose sessions these are, {@code <namespace>/<name>}
   */
  DynamoDbMcpSessionStore(CoordinationTable table, String runtime) {
    this.table = table;
    this.partitionPrefix = "MCPSESSION#" + runtime + "#";
  }

  @Override
  public Future<Void> create(McpSession session) {
    Map<String, AttributeValue> item = new HashMap<>(key(session.principal(), session.id()));
    item.put("server", AttributeValue.fromS(session.server()));
    item.put("principal", AttributeValue.fromS(session.principal()));
    session.upstreamId().ifPresent(id -> item.put("upstreamId", AttributeValue.fromS(id)));
    item.put("clientName", AttributeValue.fromS(session.client().name()));
    item.put("clientVersion", AttributeValue.fromS(session.client().version()));
    item.put("createdAt", epochSeconds(session.createdAt()));
    item.put("expiresAt", epochSeconds(session.expiresAt()));
    return call(
            "mcp_session_create",
            () ->
                table
                    .client()
                    .putItem(
                        put ->
                            put.tableName(table.table())
                                .item(item)
                                .conditionExpression("attribute_not_exists(pk)")))
        .mapEmpty();
  }

  @Override
  public Future<Optional<McpSession>> find(String principal, String id) {
    return call(
            "mcp_session_read",
            () ->
                table
                    .client()
                    .getItem(
                        get ->
                            get.tableName(table.table())
                                .key(key(principal, id))
                                .consistentRead(true))
                    .item())
        .map(item -> live(item, id));
  }

  @Override
  public Future<List<McpSession>> list(String principal) {
    return call(
            "mcp_session_list",
            () ->
                table
                    .client()
                    .queryPaginator(
                        query ->
                            query
                                .tableName(table.table())
                                .consistentRead(true)
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(
                                    Map.of(":pk", AttributeValue.fromS(partition(principal)))))
                    .items()
                    .stream()
                    .toList())
        .map(
            items ->
                items.stream()
                    .map(item -> live(item, item.get("sk").s()))
                    .flatMap(Optional::stream)
                    .sorted(java.util.Comparator.comparing(McpSession::createdAt))
                    .toList());
  }

  @Override
  public Future<Optional<McpSession>> delete(String principal, String id) {
    return call(
            "mcp_session_delete",
            () -> {
              try {
                return table
                    .client()
                    .deleteItem(
                        delete ->
                            delete
                                .tableName(table.table())
                                .key(key(principal, id))
                                .conditionExpression("attribute_exists(pk)")
                                .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
              } catch (ConditionalCheckFailedException gone) {
                return Map.<String, AttributeValue>of();
              }
            })
        .map(item -> live(item, id));
  }

  private <T> Future<T> call(String operation, Callable<T> blocking) {
    return table
        .call(
            () -> {
              try {
                T result = blocking.call();
                table.count(operation, null);
                return result;
              } catch (SdkException e) {
                table.count(operation, e);
                throw e;
              }
            })
        .recover(
            failure ->
                Future.failedFuture(
                    failure instanceof ConditionalCheckFailedException
                        ? new McpException(JsonRpcError.STORE_UNAVAILABLE, "session id collision")
                        : new McpException(
                            JsonRpcError.STORE_UNAVAILABLE,
                            "the MCP session store (" + table.describe() + ") did not answer")));
  }

  private Optional<McpSession> live(Map<String, AttributeValue> item, String id) {
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()));
    McpSession session =
        new McpSession(
            id,
            item.get("server").s(),
            item.get("principal").s(),
            Optional.ofNullable(item.get("upstreamId")).map(AttributeValue::s),
            Instant.ofEpochSecond(Long.parseLong(item.get("createdAt").n())),
            expiresAt,
            new McpSession.ClientInfo(item.get("clientName").s(), item.get("clientVersion").s()));
    return session.expired(table.clock().instant()) ? Optional.empty() : Optional.of(session);
  }

  private Map<String, AttributeValue> key(String principal, String id) {
    return Map.of("pk", AttributeValue.fromS(partition(principal)), "sk", AttributeValue.fromS(id));
  }

  private String partition(String principal) {
    return partitionPrefix + sha256(principal);
  }

  private static AttributeValue epochSeconds(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }
}
