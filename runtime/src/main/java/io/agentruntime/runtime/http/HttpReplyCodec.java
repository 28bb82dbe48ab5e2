package io.agentruntime.runtime.http;

import io.agentruntime.runtime.idempotency.ReplyCodec;
import io.agentruntime.runtime.idempotency.StoredReply;
import io.vertx.core.buffer.Buffer;

/**
 * Which {@code /dispatch} answers an {@code Idempotency-Key} repeat replays, and their stored form.
 */
public final class HttpReplyCodec implements ReplyCodec<HttpReply> {

  /**
   * 503 and 429 say nothing was executed (not ready, store stale, rate limited): a retry must run.
   */
  @Override
  public boolean replayable(HttpReply answer) {
    return answer.status() != 503 && answer.status() != 429;
  }

  @Override
  public long size(HttpReply answer) {
    long size = answer.body().length() + answer.contentType().length();
    for (var header : answer.headers().entrySet()) {
      size += header.getKey().length() + header.getValue().length();
    }
    return size;
  }

  @Override
  public StoredReply encode(HttpReply answer) {
    return new StoredReply(
        answer.status(), answer.contentType(), answer.headers(), answer.body().getBytes());
  }

  @Override
  public HttpReply decode(StoredReply stored) {
    return new HttpReply(
        stored.status(), stored.contentType(), Buffer.buffer(stored.body()), stored.headers());
  }
}
