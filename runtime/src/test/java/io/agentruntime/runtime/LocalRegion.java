package io.agentruntime.runtime;

import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.governance.testing.LocalPolicyTable;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One AWS region played by a real dynalite on loopback ({@link LocalPolicyTable}), and a writer for
 * the test runtime's policy set ({@code agents/test}, see {@link TestRuntime#serverConfig()}).
 */
final class LocalRegion implements AutoCloseable {

  static final String TABLE = LocalPolicyTable.TABLE;
  static final PolicySetKey SET = new PolicySetKey("agents", "test");

  private final LocalPolicyTable table;
  private final LocalPolicyTable.Writer writer;

  private LocalRegion(LocalPolicyTable table) {
    this.table = table;
    this.writer = table.writer(SET);
  }

  /** Starts dynalite and creates the table; skips the calling test where dynalite is missing. */
  static LocalRegion start(String name) throws PolicyStoreException {
    return new LocalRegion(LocalPolicyTable.start(name));
  }

  /** This region as an entry of {@code governance.store.dynamodb.regions}. */
  String configEntry() {
    return "{name: " + table.region() + ", endpoint: '" + table.dynalite().endpoint() + "'}";
  }

  /** Permits {@code intent} to everyone, as policy {@code id}. */
  void permit(String id, String intent) throws PolicyStoreException {
    writer.writer().put(LocalPolicyTable.permit(id, intent));
  }

  /** Permits {@code intent} to everyone, as policy {@code id}, at most {@code limit}. */
  void permit(String id, String intent, RateLimit limit) throws PolicyStoreException {
    writer.writer().put(LocalPolicyTable.permit(id, intent, Optional.of(limit)));
  }

  /** Permits {@code intent} to everyone, as policy {@code id}, within {@code limits}. */
  void permit(String id, String intent, PolicyLimits limits) throws PolicyStoreException {
    writer.writer().put(LocalPolicyTable.permit(id, intent, limits));
  }

  /** A client of this region, for items the runtime writes itself. */
  DynamoDbClient client() {
    return writer.client();
  }

  void delete(String id) throws PolicyStoreException {
    writer.writer().delete(id);
  }

  /** Kills dynalite: the region is unreachable until {@link #restart()}. */
  void stop() {
    table.dynalite().stop();
  }

  /** Starts dynalite again on the same port with the same data. */
  void restart() {
    table.dynalite().restart();
  }

  @Override
  public void close() {
    writer.close();
    table.close();
  }
}
