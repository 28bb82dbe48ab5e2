package io.agentruntime.governance.store.dynamodb;

import static io.agentruntime.governance.testing.LocalPolicyTable.freshSet;
import static io.agentruntime.governance.testing.LocalPolicyTable.permit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.testing.LocalPolicyTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbPolicyStoreTest {
  private static final String REGION = "eu-west-1";
  private static LocalPolicyTable local;

  @BeforeAll
  static void startDynalite() throws PolicyStoreException {
    local = LocalPolicyTable.start(REGION);
  }

  @AfterAll
  static void stopDynalite() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  void aSetNobodyWroteIsEmptyAtVersionZero() throws Exception {
    try (DynamoDbPolicyStore store = local.store(freshSet(), StoreRequestListener.NONE)) {
      assertThat(store.currentVersion()).isZero();
      assertThat(store.load()).isEqualTo(new PolicySetSnapshot(0, List.of()));
    }
  }

  @Test
  void aPushedPolicyIsLoadedAndMovesTheVersion() throws Exception {
    PolicySetKey set = freshSet();
    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE);
        LocalPolicyTable.Writer writer = local.writer(set)) {
      long version = writer.writer().put(permit("reasoning", "call_reasoning"));
      PolicyDocument audit =
          new PolicyDocument(
              "no-exports", "forbid(principal, action, resource);", EnforcementMode.AUDIT, "cli");
      long next = writer.writer().put(audit);

      assertThat(next).isGreaterThan(version);
      assertThat(store.currentVersion()).isEqualTo(next);
      PolicySetSnapshot snapshot = store.load();
      assertThat(snapshot.version()).isEqualTo(next);
      assertThat(snapshot.policies())
          .extracting(PolicyDocument::id, PolicyDocument::cedar, PolicyDocument::mode)
          .containsExactlyInAnyOrder(
              tuple(
                  "reasoning",
                  "permit(principal, action == Action::\"call_reasoning\", resource);",
                  EnforcementMode.ENFORCE),
              tuple("no-exports", "forbid(principal, action, resource);", EnforcementMode.AUDIT));
    }
  }

  @Test
  void aRateLimitIsStoredWithItsPolicyAndRemovedWithIt() throws Exception {
    PolicySetKey set = freshSet();
    RateLimit limit = new RateLimit(600, Duration.ofMinutes(1), RateLimit.Key.PRINCIPAL);
    String cedar = "permit(principal, action, resource);";
    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE);
        LocalPolicyTable.Writer writer = local.writer(set)) {
      writer
          .writer()
          .put(
              new PolicyDocument(
                  "limited", cedar, EnforcementMode.ENFORCE, PolicyLimits.of(limit), "cli"));
      assertThat(store.load().policies())
          .extracting(PolicyDocument::rateLimit)
          .containsExactly(Optional.of(limit));

      writer.writer().put(new PolicyDocument("limited", cedar, EnforcementMode.ENFORCE, "cli"));
      assertThat(store.load().policies())
          .extracting(PolicyDocument::rateLimit)
          .containsExactly(Optional.empty());
    }
  }

  @Test
  void budgetsAreStoredWithTheirPolicyAndRemovedWithThem() throws Exception {
    PolicySetKey set = freshSet();
    PolicyLimits limits =
        new PolicyLimits(
            Optional.of(RateLimit.parse("10/1s")),
            Optional.of(Budget.parseTokens("200000/1d")),
            Optional.of(Budget.parseCost("50 USD/1mo per runtime")));
    String cedar = "permit(principal, action, resource);";
    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE);
        LocalPolicyTable.Writer writer = local.writer(set)) {
      writer
          .writer()
          .put(new PolicyDocument("budgeted", cedar, EnforcementMode.ENFORCE, limits, "cli"));
      assertThat(store.load().policies())
          .extracting(PolicyDocument::limits)
          .containsExactly(limits);

      PolicyLimits tokensOnly =
          new PolicyLimits(Optional.empty(), limits.tokenBudget(), Optional.empty());
      writer
          .writer()
          .put(new PolicyDocument("budgeted", cedar, EnforcementMode.ENFORCE, tokensOnly, "cli"));
      assertThat(store.load().policies())
          .extracting(PolicyDocument::limits)
          .containsExactly(tokensOnly);
    }
  }

  @Test
  void aDeletedPolicyIsGoneAndTheVersionMoved() throws Exception {
    PolicySetKey set = freshSet();
    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE);
        LocalPolicyTable.Writer writer = local.writer(set)) {
      writer.writer().put(permit("a", "read"));
      long beforeDelete = writer.writer().put(permit("b", "write"));

      long afterDelete = writer.writer().delete("a");

      assertThat(afterDelete).isGreaterThan(beforeDelete);
      assertThat(store.currentVersion()).isEqualTo(afterDelete);
      assertThat(store.load().policies()).extracting(PolicyDocument::id).containsExactly("b");
    }
  }

  @Test
  void replacingAPolicyKeepsOneCopyWithTheNewText() throws Exception {
    PolicySetKey set = freshSet();
    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE);
        LocalPolicyTable.Writer writer = local.writer(set)) {
      writer.writer().put(permit("p", "read"));
      writer.writer().put(permit("p", "write"));

      assertThat(store.load().policies())
          .singleElement()
          .extracting(PolicyDocument::cedar)
          .asString()
          .contains("write");
    }
  }

  @Test
  void aVersionCheckIsOneGetItemAndALoadIsOneQuery() throws Exception {
    PolicySetKey set = freshSet();
    RecordedRequests requests = new RecordedRequests();
    try (LocalPolicyTable.Writer writer = local.writer(set);
        DynamoDbPolicyStore store =
            new DynamoDbPolicyStore(
                local.client(requests), LocalPolicyTable.TABLE, set, StoreRequestListener.NONE)) {
      for (int i = 0; i < 5; i++) {
        writer.writer().put(permit("p" + i, "read"));
      }

      store.currentVersion();
      assertThat(requests.drain()).containsExactly("GetItem");
      assertThat(store.load().policies()).hasSize(5);
      assertThat(requests.drain()).containsExactly("Query");
    }
  }

  @Test
  void aSetLargerThanOneQueryPageIsLoadedWhole() throws Exception {
    PolicySetKey set = freshSet();
    RecordedRequests requests = new RecordedRequests();
    // DynamoDB pages query results at 1 MB: four policies of 300 kB need two pages.
    String padding = "x".repeat(300_000);
    try (LocalPolicyTable.Writer writer = local.writer(set);
        DynamoDbPolicyStore store =
            new DynamoDbPolicyStore(
                local.client(requests), LocalPolicyTable.TABLE, set, StoreRequestListener.NONE)) {
      for (int i = 0; i < 4; i++) {
        writer
            .writer()
            .put(
                new PolicyDocument(
                    "large-" + i,
                    "permit(principal, action, resource) when { context.note == \""
                        + padding
                        + "\" };",
                    EnforcementMode.ENFORCE,
                    "test"));
      }

      PolicySetSnapshot snapshot = store.load();

      assertThat(snapshot.version()).isEqualTo(4);
      assertThat(snapshot.policies())
          .extracting(PolicyDocument::id)
          .containsExactlyInAnyOrder("large-0", "large-1", "large-2", "large-3");
      assertThat(requests.drain()).hasSizeGreaterThan(1).containsOnly("Query");
    }
  }

  @Test
  void everyReadIsReportedWithItsRegion() throws Exception {
    List<StoreRequest> seen = new CopyOnWriteArrayList<>();
    try (DynamoDbPolicyStore store = local.store(freshSet(), seen::add)) {
      store.currentVersion();
      store.load();
    }
    assertThat(seen)
        .containsExactly(
            new StoreRequest(
                StoreRequest.Operation.CURRENT_VERSION, REGION, StoreRequest.Outcome.SUCCESS),
            new StoreRequest(StoreRequest.Operation.LOAD, REGION, StoreRequest.Outcome.SUCCESS));
  }

  @Test
  void anotherRuntimesPoliciesAreNotLoaded() throws Exception {
    PolicySetKey mine = freshSet();
    PolicySetKey theirs = new PolicySetKey("other-team", mine.runtime());
    try (DynamoDbPolicyStore store = local.store(mine, StoreRequestListener.NONE);
        LocalPolicyTable.Writer writer = local.writer(theirs)) {
      writer.writer().put(permit("theirs", "read"));

      assertThat(store.load()).isEqualTo(new PolicySetSnapshot(0, List.of()));
    }
  }

  @Test
  void aMalformedItemIsReportedWithTableRegionAndAttribute() throws Exception {
    PolicySetKey set = freshSet();
    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE);
        DynamoDbClient client = local.client()) {
      client.putItem(
          request ->
              request
                  .tableName(LocalPolicyTable.TABLE)
                  .item(
                      Map.of(
                          "pk", AttributeValue.fromS(set.partitionKey()),
                          "sk", AttributeValue.fromS("POLICY#broken"),
                          "cedar", AttributeValue.fromS("permit(principal, action, resource);"),
                          "mode", AttributeValue.fromS("Sometimes"))));

      assertThatThrownBy(store::load)
          .isInstanceOf(PolicyStoreException.class)
          .hasMessageContaining("table '" + LocalPolicyTable.TABLE + "'")
          .hasMessageContaining(REGION)
          .hasMessageContaining("POLICY#broken")
          .hasMessageContaining("attribute 'mode' must be Enforce or Audit, got 'Sometimes'");
    }
  }

  @Test
  void invalidCedarIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
    PolicySetKey set = freshSet();
    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE);
        LocalPolicyTable.Writer writer = local.writer(set)) {
      PolicyDocument broken =
          new PolicyDocument(
              "broken",
              "permit(principal,\n action ==, resource);",
              EnforcementMode.ENFORCE,
              "cli");

      assertThatThrownBy(() -> writer.writer().put(broken))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("policy 'broken'")
          .hasMessageContaining("line 2");
      assertThat(store.load()).isEqualTo(new PolicySetSnapshot(0, List.of()));
    }
  }
}
