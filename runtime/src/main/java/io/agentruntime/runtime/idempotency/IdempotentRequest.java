package io.agentruntime.runtime.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A request that carries an {@code Idempotency-Key}.
 *
 * @param principal the caller: keys are scoped per principal
 * @param key the {@code Idempotency-Key}
 * @param bodyDigest SHA-256 of the request body: a repeated key must come with the same body
 * @param patience how long a repeat waits for a first request still running elsewhere (the intent's
 *     timeout)
 */
public record IdempotentRequest(
    String principal, String key, byte[] bodyDigest, Duration patience) {

  /** The request for {@code body}, digested once here. */
  public static IdempotentRequest of(String principal, String key, byte[] body, Duration patience) {
    return new IdempotentRequest(principal, key, sha256(body), patience);
  }

  /** SHA-256 of {@code principal + "\n" + key}, hex: a fixed-size, opaque table key. */
  public String scopedKeyHash() {
    return HexFormat.of()
        .formatHex(sha256((principal + '\n' + key).getBytes(StandardCharsets.UTF_8)));
  }

  public String bodyDigestHex() {
    return HexFormat.of().formatHex(bodyDigest);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }
}
