package io.agentruntime.governance.engine;

import static io.agentruntime.governance.engine.Policies.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.FilePolicyStore;
import io.agentruntime.governance.store.PolicyStore;
import io.agentruntime.governance.store.PolicyStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySetSynchronizerTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;
  private final GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @BeforeEach
  void writeInitialPolicy() throws Exception {
    write("main.cedar", "permit(principal, action, resource);");
  }

  @Test
  void theFirstRefreshInstallsAndUnchangedFilesAreNotReloaded() {
    PolicySetSynchronizer synchronizer =
        new PolicySetSynchronizer(new FilePolicyStore(dir), engine, clock);

    assertThat(synchronizer.refresh()).isTrue();
    assertThat(synchronizer.refresh()).isFalse();

    assertThat(engine.policySetVersion()).isEqualTo(1);
    assertThat(synchronizer.lastSuccessfulRefresh()).contains(NOW);
    assertThat(synchronizer.lastError()).isEmpty();
  }

  @Test
  void aChangedFileIsPickedUpByTheNextRefresh() throws Exception {
    PolicySetSynchronizer synchronizer =
        new PolicySetSynchronizer(new FilePolicyStore(dir), engine, clock);
    synchronizer.refresh();
    assertThat(engine.decide(request("a", "x", Map.of())).effect()).isEqualTo(Effect.ALLOW);

    write("main.cedar", "@id(\"closed\") forbid(principal, action, resource);");

    assertThat(synchronizer.refresh()).isTrue();
    Decision decision = engine.decide(request("a", "x", Map.of()));
    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.policies()).containsExactly("closed");
    assertThat(decision.policySetVersion()).isEqualTo(2);
  }

  @Test
  void aSyntaxErrorKeepsTheLastGoodSetAndReportsFileAndLine() throws Exception {
    PolicySetSynchronizer synchronizer =
        new PolicySetSynchronizer(new FilePolicyStore(dir), engine, clock);
    synchronizer.refresh();

    write(
        "main.cedar", "permit(principal, action, resource);\nforbid(principal, action resource);");

    assertThat(synchronizer.refresh()).isFalse();
    assertThat(synchronizer.lastError())
        .hasValueSatisfying(error -> assertThat(error).contains("main.cedar", "line 2, column 26"));
    assertThat(engine.policySetVersion()).isEqualTo(1);
    assertThat(engine.decide(request("a", "x", Map.of())).effect()).isEqualTo(Effect.ALLOW);

    write("main.cedar", "forbid(principal, action, resource);");
    assertThat(synchronizer.refresh()).isTrue();
    assertThat(synchronizer.lastError()).isEmpty();
  }

  @Test
  void aPolicyTheEngineRejectsIsReportedOnceAndNotReloaded() {
    CountingStore store =
        new CountingStore(
            new PolicySetSnapshot(
                7, java.util.List.of(Policies.enforced("broken", "permit(principal, action);"))));
    PolicySetSynchronizer synchronizer = new PolicySetSynchronizer(store, engine, clock);

    assertThat(synchronizer.refresh()).isFalse();
    assertThat(synchronizer.refresh()).isFalse();

    assertThat(store.loads).isEqualTo(1);
    assertThat(synchronizer.lastError())
        .hasValueSatisfying(error -> assertThat(error).contains("version 7", "'broken'"));
    assertThat(synchronizer.lastSuccessfulRefresh()).contains(NOW);
    assertThat(engine.hasPolicySet()).isFalse();
  }

  @Test
  void aStoreErrorIsRecordedAndClearedByTheNextSuccess() throws Exception {
    Path missing = dir.resolve("later");
    PolicySetSynchronizer synchronizer =
        new PolicySetSynchronizer(new FilePolicyStore(missing), engine, clock);

    assertThat(synchronizer.refresh()).isFalse();
    assertThat(synchronizer.lastError())
        .hasValueSatisfying(error -> assertThat(error).contains(missing.toString()));
    assertThat(synchronizer.lastSuccessfulRefresh()).isEmpty();

    Files.createDirectory(missing);
    Files.writeString(missing.resolve("p.cedar"), "permit(principal, action, resource);");
    assertThat(synchronizer.refresh()).isTrue();
    assertThat(synchronizer.lastError()).isEmpty();
    assertThat(engine.hasPolicySet()).isTrue();
  }

  private void write(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content);
  }

  /** Serves one fixed snapshot and counts how often it was loaded. */
  private static final class CountingStore implements PolicyStore {
    private final PolicySetSnapshot snapshot;
    private int loads;

    CountingStore(PolicySetSnapshot snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    public PolicySetSnapshot load() throws PolicyStoreException {
      loads++;
      return snapshot;
    }

    @Override
    public long currentVersion() {
      return snapshot.version();
    }

    @Override
    public String describe() {
      return "counting";
    }
  }
}
