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

  /** Roughly the bytes the reply takes in a table item. */
  public int size() {
    int size = body.length + contentType.length();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      size += header.getKey().length() + header.getValue().length();
    }
    return size;
  }
}
