package io.agentruntime.runtime;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.DynamoDbClientSettings;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicySetWriter;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.governance.store.dynamodb.PolicyTable;
import io.agentruntime.governance.testing.Dynalite;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One AWS region played by a real dynalite on loopback: the governance table, and a writer for the
 * test runtime's policy set ({@code agents/test}, see {@link TestRuntime#serverConfig()}).
 */
final class LocalRegion implements AutoCloseable {

  static final String TABLE = "agent-governance";
  static final PolicySetKey SET = new PolicySetKey("agents", "test");

  private final String name;
  private final Dynalite dynalite;
  private final DynamoDbClient client;
  private final DynamoDbPolicySetWriter writer;

  private LocalRegion(String name, Dynalite dynalite) {
    this.name = name;
    this.dynalite = dynalite;
    this.client =
        DynamoDbClientSettings.forRegion(name).withEndpoint(dynalite.endpoint()).newClient();
    this.writer = new DynamoDbPolicySetWriter(client, TABLE, SET, Clock.systemUTC());
  }

  /** Starts dynalite and creates the table; skips the calling test where dynalite is missing. */
  static LocalRegion start(String name) throws PolicyStoreException {
    LocalRegion region = new LocalRegion(name, Dynalite.start());
    try {
      new PolicyTable(region.client, TABLE).createIfMissing(Duration.ofSeconds(30));
    } catch (PolicyStoreException | RuntimeException e) {
      region.close();
      throw e;
    }
    return region;
  }

  /** This region as an entry of {@code governance.store.dynamodb.regions}. */
  String configEntry() {
    return "{name: " + name + ", endpoint: '" + dynalite.endpoint() + "'}";
  }

  /** Permits {@code intent} to everyone, as policy {@code id}. */
  void permit(String id, String intent) throws PolicyStoreException {
    writer.put(
        new PolicyDocument(
            id,
            "permit (principal, action == Action::\"" + intent + "\", resource);",
            EnforcementMode.ENFORCE,
            "test"));
  }

  /** Permits {@code intent} to everyone, as policy {@code id}, at most {@code limit}. */
  void permit(String id, String intent, RateLimit limit) throws PolicyStoreException {
    writer.put(
        new PolicyDocument(
            id,
            "permit (principal, action == Action::\"" + intent + "\", resource);",
            EnforcementMode.ENFORCE,
            Optional.of(limit),
            "test"));
  }

  /** A client of this region, for items the runtime writes itself. */
  DynamoDbClient client() {
    return client;
  }

  void delete(String id) throws PolicyStoreException {
    writer.delete(id);
  }

  /** Kills dynalite: the region is unreachable until {@link #restart()}. */
  void stop() {
    dynalite.stop();
  }

  /** Starts dynalite again on the same port with the same data. */
  void restart() {
    dynalite.restart();
  }

  @Override
  public void close() {
    client.close();
    dynalite.close();
  }
}
