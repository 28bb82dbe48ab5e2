package io.agentruntime.governance.testing;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.DynamoDbClientSettings;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicySetWriter;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicyStore;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.governance.store.dynamodb.PolicyTable;
import io.agentruntime.governance.store.dynamodb.StoreRequestListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The governance table in a real dynalite posing as one AWS region (see {@link Dynalite}), with the
 * clients, stores and writers tests of every module read and write it with. dynalite accepts any
 * credentials: these clients carry fixed ones, and code under test that uses the SDK's default
 * chain finds the {@code aws.accessKeyId} and {@code aws.secretAccessKey} system properties each
 * module's test configuration sets.
 */
public final class LocalPolicyTable implements AutoCloseable {
  /** The table tests use unless they name another. */
  public static final String TABLE = "agent-governance";

  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

  private final Dynalite dynalite;
  private final String region;
  private final String table;

  private LocalPolicyTable(Dynalite dynalite, String region, String table) {
    this.dynalite = dynalite;
    this.region = region;
    this.table = table;
  }

  /** Starts a dynalite with {@link #TABLE}; skips the calling test where dynalite is missing. */
  public static LocalPolicyTable start(String region) throws PolicyStoreException {
    return start(region, TABLE);
  }

  /** Starts a dynalite with {@code table}; skips the calling test where dynalite is missing. */
  public static LocalPolicyTable start(String region, String table) throws PolicyStoreException {
    LocalPolicyTable local = new LocalPolicyTable(Dynalite.start(), region, table);
    try (DynamoDbClient client = local.client()) {
      new PolicyTable(client, table).createIfMissing(Duration.ofSeconds(30));
    } catch (PolicyStoreException | RuntimeException e) {
      local.close();
      throw e;
    }
    return local;
  }

  public Dynalite dynalite() {
    return dynalite;
  }

  public String region() {
    return region;
  }

  public String table() {
    return table;
  }

  /** The region's settings, pointing at this dynalite. */
  public DynamoDbClientSettings settings() {
    return DynamoDbClientSettings.forRegion(region).withEndpoint(dynalite.endpoint());
  }

  /** A new client of this dynalite, with short timeouts; the caller closes it. */
  public DynamoDbClient client(ExecutionInterceptor... interceptors) {
    return settings()
        .withTimeouts(CALL_TIMEOUT, ATTEMPT_TIMEOUT)
        .newClient(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
            List.of(interceptors));
  }

  /** The store a runtime of {@code set} reads, on a client of its own. */
  public DynamoDbPolicyStore store(PolicySetKey set, StoreRequestListener listener) {
    return new DynamoDbPolicyStore(client(), table, set, listener);
  }

  /** A writer on its own client, closed when the returned handle closes. */
  public Writer writer(PolicySetKey set, ExecutionInterceptor... interceptors) {
    DynamoDbClient client = client(interceptors);
    return new Writer(client, new DynamoDbPolicySetWriter(client, table, set, Clock.systemUTC()));
  }

  /** A set no other test uses. */
  public static PolicySetKey freshSet() {
    return new PolicySetKey("agents", "rt-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** A policy permitting {@code action} to everyone. */
  public static PolicyDocument permit(String id, String action) {
    return permit(id, action, Optional.empty());
  }

  /** A policy permitting {@code action} to everyone, within {@code limit} when one is given. */
  public static PolicyDocument permit(String id, String action, Optional<RateLimit> limit) {
    return permit(id, action, limit.map(PolicyLimits::of).orElse(PolicyLimits.NONE));
  }

  /** A policy permitting {@code action} to everyone, within {@code limits}. */
  public static PolicyDocument permit(String id, String action, PolicyLimits limits) {
    return new PolicyDocument(
        id,
        "permit(principal, action == Action::\"" + action + "\", resource);",
        EnforcementMode.ENFORCE,
        limits,
        "test");
  }

  @Override
  public void close() {
    dynalite.close();
  }

  /** A writer and the client it owns. */
  public record Writer(DynamoDbClient client, DynamoDbPolicySetWriter writer)
      implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }
}
