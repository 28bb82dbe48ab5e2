package io.agentruntime.runtime.config;

import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code governance.store}: exactly one of {@code file} and {@code dynamodb}. */
final class PolicyStoreConfigReader {

  private static final String DEFAULT_DIRECTORY = "../policies";

  private PolicyStoreConfigReader() {}

  /**
   * @param runtime names the policy set a DynamoDB store reads
   * @param baseDirectory the configuration file's directory: a relative policy directory starts
   *     here
   */
  static PolicyStoreConfig read(ConfigNode store, RuntimeIdentity runtime, Path baseDirectory)
      throws ConfigException {
    if (store.has("file") && store.has("dynamodb")) {
      throw new ConfigException(
          store.path("dynamodb") + ": give exactly one store, either file or dynamodb");
    }
    PolicyStoreConfig config =
        store.has("dynamodb")
            ? dynamoDb(store.object("dynamodb"), runtime)
            : file(store.object("file"), baseDirectory);
    store.rejectUnknownKeys();
    return config;
  }

  private static PolicyStoreConfig.File file(ConfigNode file, Path baseDirectory)
      throws ConfigException {
    Path directory = baseDirectory.resolve(file.string("directory", DEFAULT_DIRECTORY)).normalize();
    file.rejectUnknownKeys();
    return new PolicyStoreConfig.File(directory);
  }

  private static PolicyStoreConfig.DynamoDb dynamoDb(ConfigNode node, RuntimeIdentity runtime)
      throws ConfigException {
    String table = node.string("table", null);
    String home = node.string("region", null);
    Optional<URI> endpoint = optionalUrl(node, "endpoint");
    List<PolicyStoreConfig.Region> regions = regions(node, home, endpoint);
    node.rejectUnknownKeys();
    return new PolicyStoreConfig.DynamoDb(table, policySet(runtime), regions);
  }

  /** {@code regions} defaults to the home region alone; when given it must start there. */
  private static List<PolicyStoreConfig.Region> regions(
      ConfigNode node, String home, Optional<URI> endpoint) throws ConfigException {
    List<ConfigNode> items = node.optionalList("regions", "name");
    if (items.isEmpty()) {
      return List.of(new PolicyStoreConfig.Region(home, endpoint));
    }
    List<PolicyStoreConfig.Region> regions = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode item : items) {
      String name = item.string("name", null);
      if (!names.add(name)) {
        throw item.error("name", "region '" + name + "' is listed twice");
      }
      Optional<URI> itemEndpoint = optionalUrl(item, "endpoint").or(() -> endpoint);
      item.rejectUnknownKeys();
      regions.add(new PolicyStoreConfig.Region(name, itemEndpoint));
    }
    if (!regions.getFirst().name().equals(home)) {
      throw node.error(
          "regions",
          "must start with the pod's own region '"
              + home
              + "' (key region), got '"
              + regions.getFirst().name()
              + "'");
    }
    return regions;
  }

  private static Optional<URI> optionalUrl(ConfigNode node, String key) throws ConfigException {
    return node.has(key) ? Optional.of(node.httpUrl(key)) : Optional.empty();
  }

  private static PolicySetKey policySet(RuntimeIdentity runtime) throws ConfigException {
    try {
      return new PolicySetKey(runtime.namespace(), runtime.name());
    } catch (IllegalArgumentException e) {
      // PolicySetKey names its field first ("namespace must be ...", "runtime must be ...").
      String message = e.getMessage();
      String key = message.startsWith("namespace") ? "runtime.namespace" : "runtime.name";
      throw new ConfigException(
          key
              + ": "
              + message.substring(message.indexOf(' ') + 1)
              + " (it keys the policy set in DynamoDB)");
    }
  }
}
