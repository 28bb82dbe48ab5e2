package io.agentruntime.runtime.idempotency;

import java.util.Optional;

/**
 * An {@code Idempotency-Key} claim as read from the table.
 *
 * @param done whether the first request finished ({@code state = done}) or still runs ({@code
 *     pending})
 * @param bodyDigest hex SHA-256 of the first request's body
 * @param expiresAtSeconds when the claim lapses, epoch seconds: an expired claim may be taken over
 * @param reply the first request's answer, once done and small enough to keep
 */
record ClaimItem(
    boolean done, String bodyDigest, long expiresAtSeconds, Optional<StoredReply> reply) {

  boolean expired(long nowMillis) {
    return expiresAtSeconds < nowMillis / 1000;
  }
}
