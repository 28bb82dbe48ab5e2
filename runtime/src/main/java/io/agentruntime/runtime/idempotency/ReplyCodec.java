package io.agentruntime.runtime.idempotency;

/**
 * Which answers are kept for replay, and how: what the shared table stores, and back.
 *
 * @param <T> the answer
 */
public interface ReplyCodec<T> {

  /**
   * Whether {@code answer} may be replayed; the others say nothing was executed (a 503, a 429) and
   * must not stop a retry.
   */
  boolean replayable(T answer);

  /** Roughly the bytes {@code answer} takes when kept for replay. */
  long size(T answer);

  StoredReply encode(T answer);

  T decode(StoredReply stored);
}
