package io.agentruntime.contract.config;

import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the runtime reads its policies (configuration {@code governance.store}): one store. */
public sealed interface PolicyStoreConfig {

  /**
   * Policies in {@code *.cedar} files (configuration {@code governance.store.file}).
   *
   * @param directory the directory of the files; absolute once read, since a relative one is
   *     relative to the configuration file's directory
   */
  record File(Path directory) implements PolicyStoreConfig {

    /** {@code ../policies}: the store of a file that names none. */
    public static final File DEFAULT = new File(Path.of("../policies"));
  }

  /**
   * Policies in a DynamoDB table (configuration {@code governance.store.dynamodb}).
   *
   * @param table the table's name
   * @param set the runtime's policy set, {@code <namespace>/<name>}
   * @param regions where to read, the pod's own region first, then the failover order. Empty only
   *     in a file written without a region, which the runtime reads in the pod's region ({@code
   *     AWS_REGION}); a configuration the runtime has read always has one
   */
  record DynamoDb(String table, PolicySetKey set, List<Region> regions)
      implements PolicyStoreConfig {
    public DynamoDb {
      regions = List.copyOf(regions);
    }

    /** The pod's own region, read first. */
    public Region home() {
      return regions.getFirst();
    }
  }

  /**
   * One region of a DynamoDB table.
   *
   * @param name the AWS region, e.g. {@code eu-west-1}
   * @param endpoint replaces the region's own endpoint (a local DynamoDB)
   */
  record Region(String name, Optional<URI> endpoint) {}
}
