package io.agentruntime.cli.policies;

import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.DynamoDbClientSettings;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicyStore;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.governance.store.dynamodb.PolicyTable;
import io.agentruntime.governance.store.dynamodb.StoreRequestListener;
import io.agentruntime.governance.testing.Dynalite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The governance table in a real dynalite on loopback, and the options that point the {@code
 * policies} commands at it. dynalite accepts any credentials; the commands take them from the SDK's
 * default chain, here the {@code aws.*} system properties.
 */
public final class LocalTable implements AutoCloseable {
  static final String TABLE = "governance-policies";
  static final String REGION = "eu-west-1";
  private static final Map<String, String> CREDENTIALS =
      Map.of("aws.accessKeyId", "test", "aws.secretAccessKey", "test");

  private final Dynalite dynalite;

  private LocalTable(Dynalite dynalite) {
    this.dynalite = dynalite;
  }

  /** Starts dynalite with the table created; skips the calling test where dynalite is missing. */
  public static LocalTable start() throws PolicyStoreException {
    CREDENTIALS.forEach(System::setProperty);
    LocalTable table = new LocalTable(Dynalite.start());
    try (DynamoDbClient client = table.settings().newClient()) {
      new PolicyTable(client, TABLE).createIfMissing(Duration.ofSeconds(30));
    } catch (PolicyStoreException | RuntimeException e) {
      table.close();
      throw e;
    }
    return table;
  }

  /** {@code policies <command> --table ... --runtime <set> --region ... --endpoint ...} + more. */
  public String[] args(String command, PolicySetKey set, String... more) {
    List<String> args = new ArrayList<>(List.of("policies", command));
    args.addAll(
        List.of(
            "--table",
            TABLE,
            "--runtime",
            set.toString(),
            "--region",
            REGION,
            "--endpoint",
            dynalite.endpoint().toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The store a runtime configured with this table and set reads. */
  DynamoDbPolicyStore runtimeStore(PolicySetKey set) {
    return new DynamoDbPolicyStore(settings().newClient(), TABLE, set, StoreRequestListener.NONE);
  }

  String endpoint() {
    return dynalite.endpoint().toString();
  }

  private DynamoDbClientSettings settings() {
    return DynamoDbClientSettings.forRegion(REGION).withEndpoint(dynalite.endpoint());
  }

  @Override
  public void close() {
    dynalite.close();
    CREDENTIALS.keySet().forEach(System::clearProperty);
  }
}
