package io.agentruntime.runtime.mcp;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A gateway session: the {@code Mcp-Session-Id} the gateway gave a client, the upstream session it
 * stands for and the principal it belongs to. Only that principal may use it; for anyone else it
 * does not exist.
 *
 * @param id the gateway's session id, 256 random bits
 * @param server the MCP server it was opened on
 * @param principal its owner
 * @param upstreamId the upstream server's session id, if the upstream keeps sessions
 * @param createdAt when {@code initialize} opened it
 * @param expiresAt when it ends unless deleted earlier
 * @param client the client's {@code clientInfo} from {@code initialize}: name and version
 */
record McpSession(
    String id,
    String server,
    String principal,
    Optional<String> upstreamId,
    Instant createdAt,
    Instant expiresAt,
    ClientInfo client) {

  /** How long a session lives: a client whose session ended gets 404 and initializes again. */
  static final Duration LIFETIME = Duration.ofHours(24);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The {@code clientInfo} of {@code initialize}, each part at most 128 characters. */
  record ClientInfo(String name, String version) {
    private static final int MAX_LENGTH = 128;

    static ClientInfo of(JsonObject initializeParams) {
      JsonObject info =
          initializeParams.getValue("clientInfo") instanceof JsonObject given
              ? given
              : new JsonObject();
      return new ClientInfo(text(info.getValue("name")), text(info.getValue("version")));
    }

    private static String text(Object value) {
      if (!(value instanceof String text)) {
        return "";
      }
      return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }

    JsonObject toJson() {
      return new JsonObject().put("name", name).put("version", version);
    }
  }

  /** A new session opened now. */
  static McpSession open(
      String server, String principal, Optional<String> upstreamId, ClientInfo client) {
    byte[] bits = new byte[32];
    RANDOM.nextBytes(bits);
    Instant now = Instant.now();
    return new McpSession(
        Base64.getUrlEncoder().withoutPadding().encodeToString(bits),
        server,
        principal,
        upstreamId,
        now,
        now.plus(LIFETIME),
        client);
  }

  boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** What {@code GET /v1/mcp/sessions} shows of it. */
  JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("server", server)
        .put("createdAt", createdAt.toString())
        .put("expiresAt", expiresAt.toString())
        .put("client", client.toJson());
  }
}
