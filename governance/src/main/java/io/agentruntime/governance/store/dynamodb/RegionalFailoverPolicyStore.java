package io.agentruntime.governance.store.dynamodb;

import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.PolicyStore;
import io.agentruntime.governance.store.PolicyStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one policy set from the replicas of a DynamoDB global table, in order of preference.
 *
 * <p>Every read starts with the first region (the pod's own) and moves along the list until one
 * answers, so reads return home as soon as the home region recovers. Replicas converge
 * asynchronously: after a failover the version read may briefly differ from the home region's,
 * which only makes the runtime reload. Each regional request is reported to the listener the
 * regional stores were built with.
 *
 * <p>Owns the regional stores and closes them on {@link #close()}.
 */
public final class RegionalFailoverPolicyStore implements PolicyStore {
  private static final Logger LOG = LoggerFactory.getLogger(RegionalFailoverPolicyStore.class);

  private final List<DynamoDbPolicyStore> regions;
  private volatile String lastAnsweringRegion;

  /**
   * @param regions regional stores of the same table and set, the preferred region first
   */
  public RegionalFailoverPolicyStore(List<DynamoDbPolicyStore> regions) {
    if (regions == null || regions.isEmpty()) {
      throw new IllegalArgumentException("regions must name at least one region");
    }
    this.regions = List.copyOf(regions);
  }

  @Override
  public PolicySetSnapshot load() throws PolicyStoreException {
    return firstAnswer(DynamoDbPolicyStore::load);
  }

  @Override
  public long currentVersion() throws PolicyStoreException {
    return firstAnswer(DynamoDbPolicyStore::currentVersion);
  }

  /** The region that answered the last successful read, if any read succeeded yet. */
  public Optional<String> lastAnsweringRegion() {
    return Optional.ofNullable(lastAnsweringRegion);
  }

  @Override
  public String describe() {
    return regions.stream()
        .map(DynamoDbPolicyStore::describe)
        .collect(Collectors.joining(", ", "failover[", "]"));
  }

  @Override
  public void close() {
    regions.forEach(DynamoDbPolicyStore::close);
  }

  private <T> T firstAnswer(Read<T> read) throws PolicyStoreException {
    List<PolicyStoreException> failures = new ArrayList<>();
    for (DynamoDbPolicyStore region : regions) {
      try {
        T result = read.from(region);
        answeredBy(region.region());
        return result;
      } catch (PolicyStoreException e) {
        failures.add(e);
      }
    }
    PolicyStoreException failure =
        new PolicyStoreException(
            "every region failed: "
                + failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")),
            failures.getFirst());
    failures.stream().skip(1).forEach(failure::addSuppressed);
    throw failure;
  }

  private void answeredBy(String region) {
    String previous = lastAnsweringRegion;
    if (!region.equals(previous)) {
      LOG.info(
          "Policy store reads now answered by region {} (was {})",
          region,
          previous == null ? "none" : previous);
      lastAnsweringRegion = region;
    }
  }

  @FunctionalInterface
  private interface Read<T> {
    T from(DynamoDbPolicyStore store) throws PolicyStoreException;
  }
}
