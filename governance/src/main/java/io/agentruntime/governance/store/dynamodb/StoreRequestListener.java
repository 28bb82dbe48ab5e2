package io.agentruntime.governance.store.dynamodb;

/**
 * Told about every read a DynamoDB policy store makes, e.g. to count {@code
 * agent_policy_store_requests_total}. Called on the reading thread: keep it cheap and non-blocking.
 */
@FunctionalInterface
public interface StoreRequestListener {
  /** A listener that ignores every request. */
  StoreRequestListener NONE = request -> {};

  void onRequest(StoreRequest request);
}
