package io.agentruntime.runtime.governance;

import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.governance.store.FilePolicyStore;
import io.agentruntime.governance.store.PolicyStore;
import io.agentruntime.governance.store.dynamodb.DynamoDbClientSettings;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicyStore;
import io.agentruntime.governance.store.dynamodb.RegionalFailoverPolicyStore;
import io.agentruntime.governance.store.dynamodb.StoreRequestListener;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the policy store {@code governance.store} names, with every request counted in {@code
 * agent_policy_store_requests_total}. The returned store owns its clients: close it on shutdown.
 */
public final class ConfiguredPolicyStore {

  /** The {@code region} label of the file store. */
  static final String LOCAL_REGION = "local";

  private ConfiguredPolicyStore() {}

  /** The configured store; opening one makes no request yet. */
  public static PolicyStore open(PolicyStoreConfig config, RuntimeMetrics metrics) {
    return switch (config) {
      case PolicyStoreConfig.File file ->
          new MeteredPolicyStore(new FilePolicyStore(file.directory()), metrics, LOCAL_REGION);
      case PolicyStoreConfig.DynamoDb dynamoDb -> dynamoDb(dynamoDb, metrics);
    };
  }

  /**
   * One client per region; more than one region reads through {@link RegionalFailoverPolicyStore}.
   * The regional stores report each request themselves, with the region that was asked, so they are
   * not wrapped in a {@link MeteredPolicyStore} as well.
   */
  private static PolicyStore dynamoDb(PolicyStoreConfig.DynamoDb config, RuntimeMetrics metrics) {
    StoreRequestListener counter =
        request ->
            metrics
                .policyStoreRequests(
                    request.operation().label(), request.region(), request.outcome().label())
                .increment();
    List<DynamoDbPolicyStore> regions = new ArrayList<>();
    try {
      for (PolicyStoreConfig.Region region : config.regions()) {
        DynamoDbClientSettings settings = DynamoDbClientSettings.forRegion(region.name());
        settings = region.endpoint().map(settings::withEndpoint).orElse(settings);
        regions.add(
            new DynamoDbPolicyStore(settings.newClient(), config.table(), config.set(), counter));
      }
    } catch (RuntimeException e) {
      regions.forEach(DynamoDbPolicyStore::close);
      throw e;
    }
    return regions.size() == 1 ? regions.getFirst() : new RegionalFailoverPolicyStore(regions);
  }
}
