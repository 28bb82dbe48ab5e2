package io.agentruntime.runtime.mcp;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions in this pod's memory (local mode, or a file policy store): bounded per principal and in
 * all, expired sessions dropped as they are met.
 */
final class InMemoryMcpSessionStore implements McpSessionStore {

  static final int MAX_PER_PRINCIPAL = 100;
  static final int MAX_SESSIONS = 100_000;

  private final Map<String, Map<String, McpSession>> byPrincipal = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();
  private final Clock clock;

  InMemoryMcpSessionStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> create(McpSession session) {
    Map<String, McpSession> own =
        byPrincipal.computeIfAbsent(session.principal(), p -> new ConcurrentHashMap<>());
    purgeExpired(own);
    if (own.size() >= MAX_PER_PRINCIPAL || count.get() >= MAX_SESSIONS) {
      return Future.failedFuture(
          new McpException(
              JsonRpcError.TOO_MANY_SESSIONS,
              "too many open MCP sessions: end some with DELETE /v1/mcp/sessions/<id> (at most "
                  + MAX_PER_PRINCIPAL
                  + " per caller)"));
    }
    own.put(session.id(), session);
    count.incrementAndGet();
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<McpSession>> find(String principal, String id) {
    Map<String, McpSession> own = byPrincipal.getOrDefault(principal, Map.of());
    McpSession session = own.get(id);
    if (session != null && session.expired(clock.instant())) {
      remove(own, id);
      session = null;
    }
    return Future.succeededFuture(Optional.ofNullable(session));
  }

  @Override
  public Future<List<McpSession>> list(String principal) {
    Map<String, McpSession> own = byPrincipal.getOrDefault(principal, Map.of());
    purgeExpired(own);
    return Future.succeededFuture(
        own.values().stream().sorted(Comparator.comparing(McpSession::createdAt)).toList());
  }

  @Override
  public Future<Optional<McpSession>> delete(String principal, String id) {
    Map<String, McpSession> own = byPrincipal.getOrDefault(principal, Map.of());
    return Future.succeededFuture(Optional.ofNullable(remove(own, id)));
  }

  private void purgeExpired(Map<String, McpSession> own) {
    Instant now = clock.instant();
    own.values().stream()
        .filter(session -> session.expired(now))
        .map(McpSession::id)
        .toList()
        .forEach(id -> remove(own, id));
  }

  private McpSession remove(Map<String, McpSession> own, String id) {
    McpSession removed = own.remove(id);
    if (removed != null) {
      count.decrementAndGet();
    }
    return removed;
  }
}
