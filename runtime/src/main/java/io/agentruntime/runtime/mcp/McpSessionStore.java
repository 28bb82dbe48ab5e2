package io.agentruntime.runtime.mcp;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Where gateway sessions live: in the pod's memory in local mode, in the governance table with the
 * DynamoDB store so that any pod serves any session. Every lookup names the principal: a session is
 * found only by its owner.
 */
interface McpSessionStore extends AutoCloseable {

  /**
   * Keeps a new session.
   *
   * @return fails with {@link McpException} when the owner holds too many sessions or the store
   *     cannot be reached
   */
  Future<Void> create(McpSession session);

  /** The live session {@code id} of {@code principal}; empty for anyone else's. */
  Future<Optional<McpSession>> find(String principal, String id);

  /** The live sessions of {@code principal}, oldest first. */
  Future<List<McpSession>> list(String principal);

  /**
   * Ends the session {@code id} of {@code principal}.
   *
   * @return the session ended; empty when {@code principal} had no such session
   */
  Future<Optional<McpSession>> delete(String principal, String id);

  @Override
  default void close() {}
}
