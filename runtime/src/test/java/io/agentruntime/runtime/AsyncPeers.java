package io.agentruntime.runtime;

import io.agentruntime.runtime.async.EmbeddedQueue;

/**
 * The real peers of long-running dispatch tests, started once per test class: an SQS-compatible
 * queue (ElasticMQ) and a DynamoDB region (dynalite), both on loopback.
 */
final class AsyncPeers implements AutoCloseable {

  private final EmbeddedQueue sqs;
  private final LocalRegion region;

  private AsyncPeers(EmbeddedQueue sqs, LocalRegion region) {
    this.sqs = sqs;
    this.region = region;
  }

  static AsyncPeers start() throws Exception {
    EmbeddedQueue sqs = EmbeddedQueue.start();
    try {
      return new AsyncPeers(sqs, LocalRegion.start("eu-west-1"));
    } catch (Exception e) {
      sqs.close();
      throw e;
    }
  }

  LocalRegion region() {
    return region;
  }

  /** A fleet with a queue of its own, whose redrive policy allows {@code maxReceiveCount}. */
  AsyncFleet fleet(int maxReceiveCount) {
    return new AsyncFleet(sqs, region, maxReceiveCount);
  }

  @Override
  public void close() {
    try {
      region.close();
    } finally {
      sqs.close();
    }
  }
}
