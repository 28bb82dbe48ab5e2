package io.agentruntime.governance.store.dynamodb;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.testing.Dynalite;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Clients, tables, stores and writers for one dynalite posing as one AWS region. */
final class LocalDynamoDb {
  static final String TABLE = "agent-governance";
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

  private final Dynalite dynalite;
  private final String region;

  LocalDynamoDb(Dynalite dynalite, String region) {
    this.dynalite = dynalite;
    this.region = region;
  }

  /** Starts a dynalite and creates the governance table in it. */
  static LocalDynamoDb startWithTable(String region) throws PolicyStoreException {
    LocalDynamoDb local = new LocalDynamoDb(Dynalite.start(), region);
    try (DynamoDbClient client = local.client()) {
      new PolicyTable(client, TABLE).createIfMissing(Duration.ofSeconds(30));
    }
    return local;
  }

  Dynalite dynalite() {
    return dynalite;
  }

  DynamoDbClient client(ExecutionInterceptor... interceptors) {
    return DynamoDbClientSettings.forRegion(region)
        .withEndpoint(dynalite.endpoint())
        .withTimeouts(CALL_TIMEOUT, ATTEMPT_TIMEOUT)
        .newClient(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
            List.of(interceptors));
  }

  DynamoDbPolicyStore store(PolicySetKey set, StoreRequestListener listener) {
    return new DynamoDbPolicyStore(client(), TABLE, set, listener);
  }

  /** A writer on its own client, closed when the returned handle closes. */
  Writer writer(PolicySetKey set, ExecutionInterceptor... interceptors) {
    DynamoDbClient client = client(interceptors);
    return new Writer(client, new DynamoDbPolicySetWriter(client, TABLE, set, Clock.systemUTC()));
  }

  /** A set no other test uses. */
  static PolicySetKey freshSet() {
    return new PolicySetKey("agents", "rt-" + UUID.randomUUID().toString().substring(0, 8));
  }

  static PolicyDocument permit(String id, String action) {
    return new PolicyDocument(
        id,
        "permit(principal, action == Action::\"" + action + "\", resource);",
        EnforcementMode.ENFORCE,
        "test");
  }

  void close() {
    dynalite.close();
  }

  /** A writer and the client it owns. */
  record Writer(DynamoDbClient client, DynamoDbPolicySetWriter writer) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }
}
