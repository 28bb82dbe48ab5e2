package io.agentruntime.runtime;

import io.agentruntime.runtime.async.EmbeddedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real peers of long-running dispatch tests, started once per test class that registers them
 * ({@code @RegisterExtension static final AsyncPeers peers = AsyncPeers.with(...)}): an
 * SQS-compatible queue (ElasticMQ) and a DynamoDB region (dynalite), both on loopback.
 */
final class AsyncPeers implements BeforeAllCallback, AfterAllCallback {

  /** What a test class puts in the region before its tests: its policies. */
  @FunctionalInterface
  interface RegionSetup {
    void prepare(LocalRegion region) throws Exception;
  }

  private final RegionSetup setup;
  private EmbeddedQueue sqs;
  private LocalRegion region;

  private AsyncPeers(RegionSetup setup) {
    this.setup = setup;
  }

  /** Peers whose region {@code setup} prepares once started. */
  static AsyncPeers with(RegionSetup setup) {
    return new AsyncPeers(setup);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    sqs = EmbeddedQueue.start();
    region = LocalRegion.start("eu-west-1");
    setup.prepare(region);
  }

  LocalRegion region() {
    return region;
  }

  /** A fleet with a queue of its own, whose redrive policy allows {@code maxReceiveCount}. */
  AsyncFleet fleet(int maxReceiveCount) {
    return new AsyncFleet(sqs, region, maxReceiveCount);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (region != null) {
        region.close();
      }
    } finally {
      if (sqs != null) {
        sqs.close();
      }
    }
  }
}
