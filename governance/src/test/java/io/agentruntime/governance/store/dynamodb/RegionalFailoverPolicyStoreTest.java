package io.agentruntime.governance.store.dynamodb;

import static io.agentruntime.governance.testing.LocalPolicyTable.permit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.StoreRequest.Operation;
import io.agentruntime.governance.store.dynamodb.StoreRequest.Outcome;
import io.agentruntime.governance.testing.LocalPolicyTable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two dynalite instances pose as two replicas of a global table, each with its own content. */
class RegionalFailoverPolicyStoreTest {
  private static final String HOME = "eu-west-1";
  private static final String FALLBACK = "eu-central-1";
  private static final PolicySetKey SET = new PolicySetKey("agents", "support");

  private final List<StoreRequest> seen = new CopyOnWriteArrayList<>();
  private LocalPolicyTable home;
  private LocalPolicyTable fallback;
  private RegionalFailoverPolicyStore store;

  @BeforeEach
  void startRegions() throws PolicyStoreException {
    home = LocalPolicyTable.start(HOME);
    fallback = LocalPolicyTable.start(FALLBACK);
    put(home, "written-in-home");
    put(fallback, "written-in-fallback");
    store =
        new RegionalFailoverPolicyStore(
            List.of(home.store(SET, seen::add), fallback.store(SET, seen::add)));
  }

  private static void put(LocalPolicyTable region, String policyId) throws PolicyStoreException {
    try (LocalPolicyTable.Writer writer = region.writer(SET)) {
      writer.writer().put(permit(policyId, "read"));
    }
  }

  @AfterEach
  void stopRegions() {
    store.close();
    home.close();
    fallback.close();
  }

  @Test
  void readsComeFromTheHomeRegionWhileItAnswers() throws Exception {
    assertThat(ids()).containsExactly("written-in-home");
    assertThat(store.lastAnsweringRegion()).contains(HOME);
    assertThat(seen).containsExactly(new StoreRequest(Operation.LOAD, HOME, Outcome.SUCCESS));
  }

  @Test
  void readsFailOverToTheNextRegionWhenTheHomeRegionIsDown() throws Exception {
    home.dynalite().stop();

    assertThat(store.currentVersion()).isEqualTo(1);
    assertThat(ids()).containsExactly("written-in-fallback");

    assertThat(store.lastAnsweringRegion()).contains(FALLBACK);
    assertThat(seen)
        .containsExactly(
            new StoreRequest(Operation.CURRENT_VERSION, HOME, Outcome.ERROR),
            new StoreRequest(Operation.CURRENT_VERSION, FALLBACK, Outcome.SUCCESS),
            new StoreRequest(Operation.LOAD, HOME, Outcome.ERROR),
            new StoreRequest(Operation.LOAD, FALLBACK, Outcome.SUCCESS));
  }

  @Test
  void readsReturnHomeOnceTheHomeRegionIsBack() throws Exception {
    home.dynalite().stop();
    assertThat(ids()).containsExactly("written-in-fallback");

    home.dynalite().restart();

    assertThat(ids()).containsExactly("written-in-home");
    assertThat(store.lastAnsweringRegion()).contains(HOME);
  }

  @Test
  void whenEveryRegionIsDownTheErrorNamesEachRegion() {
    home.dynalite().stop();
    fallback.dynalite().stop();

    assertThatThrownBy(store::currentVersion)
        .isInstanceOf(PolicyStoreException.class)
        .hasMessageContaining("every region failed")
        .hasMessageContaining("region " + HOME)
        .hasMessageContaining("region " + FALLBACK);
  }

  private List<String> ids() throws PolicyStoreException {
    return store.load().policies().stream().map(PolicyDocument::id).toList();
  }
}
