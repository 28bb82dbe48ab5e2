package io.agentruntime.contract.config;

import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and writes {@code governance.store}: exactly one of {@code file} and {@code dynamodb}. */
final class PolicyStoreFormat {

  private static final String FILE = "file";
  private static final String DIRECTORY = "directory";
  private static final String DYNAMODB = "dynamodb";
  private static final String TABLE = "table";
  private static final String REGION = "region";
  private static final String ENDPOINT = "endpoint";
  private static final String REGIONS = "regions";
  private static final String NAME = "name";

  private PolicyStoreFormat() {}

  /**
   * @param runtime names the policy set a DynamoDB store reads
   * @param baseDirectory the configuration file's directory: a relative policy directory starts
   *     here
   */
  static PolicyStoreConfig read(ConfigNode store, RuntimeIdentity runtime, Path baseDirectory)
      throws ConfigException {
    if (store.has(FILE) && store.has(DYNAMODB)) {
      throw new ConfigException(
          store.path(DYNAMODB) + ": give exactly one store, either file or dynamodb");
    }
    PolicyStoreConfig config =
        store.has(DYNAMODB)
            ? dynamoDb(store.object(DYNAMODB), runtime)
            : file(store.object(FILE), baseDirectory);
    store.rejectUnknownKeys();
    return config;
  }

  private static PolicyStoreConfig.File file(ConfigNode file, Path baseDirectory)
      throws ConfigException {
    String directory =
        file.string(DIRECTORY, PolicyStoreConfig.File.DEFAULT.directory().toString());
    file.rejectUnknownKeys();
    return new PolicyStoreConfig.File(baseDirectory.resolve(directory).normalize());
  }

  private static PolicyStoreConfig.DynamoDb dynamoDb(ConfigNode node, RuntimeIdentity runtime)
      throws ConfigException {
    String table = node.string(TABLE, null);
    String home = node.string(REGION, null);
    Optional<URI> endpoint = optionalUrl(node, ENDPOINT);
    List<PolicyStoreConfig.Region> regions = regions(node, home, endpoint);
    node.rejectUnknownKeys();
    return new PolicyStoreConfig.DynamoDb(table, policySet(runtime), regions);
  }

  /** {@code regions} defaults to the home region alone; when given it must start there. */
  private static List<PolicyStoreConfig.Region> regions(
      ConfigNode node, String home, Optional<URI> endpoint) throws ConfigException {
    List<ConfigNode> items = node.optionalList(REGIONS, NAME);
    if (items.isEmpty()) {
      return List.of(new PolicyStoreConfig.Region(home, endpoint));
    }
    List<PolicyStoreConfig.Region> regions = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode item : items) {
      String name = item.string(NAME, null);
      if (!names.add(name)) {
        throw item.error(NAME, "region '" + name + "' is listed twice");
      }
      Optional<URI> itemEndpoint = optionalUrl(item, ENDPOINT).or(() -> endpoint);
      item.rejectUnknownKeys();
      regions.add(new PolicyStoreConfig.Region(name, itemEndpoint));
    }
    if (!regions.getFirst().name().equals(home)) {
      throw node.error(
          REGIONS,
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

  /** Nothing for the default store; the policy set is not written, the runtime's name keys it. */
  static MappingWriter write(PolicyStoreConfig store) {
    return switch (store) {
      case PolicyStoreConfig.File file when file.equals(PolicyStoreConfig.File.DEFAULT) ->
          new MappingWriter();
      case PolicyStoreConfig.File file ->
          new MappingWriter()
              .put(FILE, new MappingWriter().put(DIRECTORY, file.directory().toString()));
      case PolicyStoreConfig.DynamoDb dynamoDb ->
          new MappingWriter().put(DYNAMODB, dynamoDb(dynamoDb));
    };
  }

  /**
   * {@code region} (and {@code endpoint} when every region shares it) for the home region, and
   * {@code regions} only when there are others to fail over to.
   */
  private static MappingWriter dynamoDb(PolicyStoreConfig.DynamoDb store) {
    MappingWriter out = new MappingWriter().put(TABLE, store.table());
    if (store.regions().isEmpty()) {
      return out;
    }
    Optional<URI> shared = store.home().endpoint();
    boolean sharedByAll =
        store.regions().stream().allMatch(region -> region.endpoint().equals(shared));
    out.put(REGION, store.home().name());
    if (sharedByAll) {
      shared.ifPresent(url -> out.put(ENDPOINT, url));
    }
    if (store.regions().size() > 1) {
      out.putList(
          REGIONS,
          store.regions().stream()
              .map(
                  region -> {
                    MappingWriter item = new MappingWriter().put(NAME, region.name());
                    if (!sharedByAll) {
                      region.endpoint().ifPresent(url -> item.put(ENDPOINT, url));
                    }
                    return item;
                  })
              .toList());
    }
    return out;
  }
}
