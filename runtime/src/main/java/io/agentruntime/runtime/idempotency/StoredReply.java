package io.agentruntime.runtime.idempotency;

import java.util.Map;

/**
 * An answer as the shared table keeps it for replay.
 *
 * @param status HTTP status
 * @param contentType the {@code content-type} header
 * @param headers the other headers worth replaying
 * @param body the encoded body
 */
public record StoredReply(
    int status, String contentType, Map<String, String> headers, byte[] body) {
  public StoredReply {
    headers = Map.copyOf(headers);
  }
}
