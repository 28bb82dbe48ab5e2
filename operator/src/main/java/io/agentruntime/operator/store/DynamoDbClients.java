package io.agentruntime.operator.store;

import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.DynamoDbClientSettings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB client per region, created on first use and kept for the operator's lifetime:
 * clients hold connection pools and credential caches, so they are shared by every reconciliation.
 * Credentials come from the SDK's default chain (IRSA, EKS Pod Identity, environment).
 */
public final class DynamoDbClients implements AutoCloseable {

  private final Optional<URI> endpoint;
  private final Map<String, DynamoDbClient> byRegion = new ConcurrentHashMap<>();
  private volatile String defaultRegion;

  /**
   * @param endpoint an endpoint replacing every region's own (a local DynamoDB), or empty
   */
  public DynamoDbClients(Optional<URI> endpoint) {
    this.endpoint = endpoint;
  }

  /** The client for {@code region}. */
  public DynamoDbClient client(String region) {
    return byRegion.computeIfAbsent(region, this::newClient);
  }

  /**
   * The operator's own region, for tables whose AgentRuntime names none: the SDK's default region
   * chain ({@code AWS_REGION}, which EKS sets, the profile, or the instance metadata).
   */
  public String defaultRegion() throws PolicyStoreException {
    if (defaultRegion == null) {
      try {
        defaultRegion = new DefaultAwsRegionProviderChain().getRegion().id();
      } catch (SdkClientException e) {
        throw new PolicyStoreException(
            "spec.governance.store.dynamodb.region is not set and the operator's own AWS region"
                + " is unknown (set AWS_REGION on the operator or the region in the spec)",
            e);
      }
    }
    return defaultRegion;
  }

  /** Closes every client created. */
  @Override
  public void close() {
    byRegion.values().forEach(DynamoDbClient::close);
    byRegion.clear();
  }

  private DynamoDbClient newClient(String region) {
    var settings = DynamoDbClientSettings.forRegion(region);
    return endpoint.map(settings::withEndpoint).orElse(settings).newClient();
  }
}
