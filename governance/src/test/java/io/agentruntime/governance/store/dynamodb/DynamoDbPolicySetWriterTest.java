package io.agentruntime.governance.store.dynamodb;

import static io.agentruntime.governance.testing.LocalPolicyTable.freshSet;
import static io.agentruntime.governance.testing.LocalPolicyTable.permit;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.testing.LocalPolicyTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoDbPolicySetWriterTest {
  private static final int WRITERS = 8;
  private static final int PUTS_PER_WRITER = 25;
  private static LocalPolicyTable local;

  @BeforeAll
  static void startDynalite() throws PolicyStoreException {
    local = LocalPolicyTable.start("us-east-1");
  }

  @AfterAll
  static void stopDynalite() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  void concurrentWritersLoseAndDuplicateNothing() throws Exception {
    PolicySetKey set = freshSet();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        int writerNumber = w;
        done.add(pool.submit(() -> putAll(set, writerNumber)));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE)) {
      PolicySetSnapshot snapshot = store.load();
      List<String> ids = snapshot.policies().stream().map(PolicyDocument::id).toList();
      assertThat(ids).hasSize(WRITERS * PUTS_PER_WRITER).doesNotHaveDuplicates();
      assertThat(snapshot.version()).isEqualTo(WRITERS * PUTS_PER_WRITER);
      assertThat(store.currentVersion()).isEqualTo(WRITERS * PUTS_PER_WRITER);
    }
  }

  private static Void putAll(PolicySetKey set, int writerNumber) throws PolicyStoreException {
    try (LocalPolicyTable.Writer writer = local.writer(set)) {
      for (int i = 0; i < PUTS_PER_WRITER; i++) {
        writer.writer().put(permit("w" + writerNumber + "-p" + i, "read"));
      }
    }
    return null;
  }

  @Test
  void aHeadBumpThatLosesTheRaceIsRetried() throws Exception {
    PolicySetKey set = freshSet();
    HeadUpdates headUpdates = new HeadUpdates();
    try (LocalPolicyTable.Writer rival = local.writer(set);
        LocalPolicyTable.Writer writer = local.writer(set, headUpdates);
        DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE)) {
      headUpdates.beforeFirst(() -> rival.writer().put(permit("rival", "write")));

      long version = writer.writer().put(permit("mine", "read"));

      assertThat(headUpdates.count()).isEqualTo(2);
      assertThat(version).isEqualTo(2);
      assertThat(store.load().policies())
          .extracting(PolicyDocument::id)
          .containsExactlyInAnyOrder("rival", "mine");
    }
  }

  @Test
  void putIfChangedWritesOnlyWhatDiffersFromTheTable() throws Exception {
    PolicySetKey set = freshSet();
    PolicyDocument permit = permit("p", "read");
    try (LocalPolicyTable.Writer writer = local.writer(set);
        DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE)) {
      assertThat(writer.writer().putIfChanged(permit)).as("new policy").isEqualTo(1);
      assertThat(writer.writer().putIfChanged(permit)).as("same content").isEqualTo(1);
      assertThat(store.currentVersion()).isEqualTo(1);

      PolicyDocument limited =
          new PolicyDocument(
              "p",
              permit.cedar(),
              permit.mode(),
              PolicyLimits.of(RateLimit.parse("600/1m per runtime")),
              "test");
      assertThat(writer.writer().putIfChanged(limited)).as("rate limit added").isEqualTo(2);
      PolicyDocument audited =
          new PolicyDocument("p", permit.cedar(), EnforcementMode.AUDIT, limited.limits(), "test");
      assertThat(writer.writer().putIfChanged(audited)).as("mode changed").isEqualTo(3);
      assertThat(writer.writer().putIfChanged(audited)).isEqualTo(3);

      assertThat(store.load().policies())
          .singleElement()
          .satisfies(
              stored -> {
                assertThat(stored.mode()).isEqualTo(EnforcementMode.AUDIT);
                assertThat(stored.rateLimit()).isEqualTo(limited.rateLimit());
              });
    }
  }

  @Test
  void putIfChangedReplacesAMalformedItem() throws Exception {
    PolicySetKey set = freshSet();
    PolicyDocument permit = permit("p", "read");
    try (LocalPolicyTable.Writer writer = local.writer(set);
        DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE)) {
      writer.writer().put(permit);
      writer
          .client()
          .updateItem(
              request ->
                  request
                      .tableName(LocalPolicyTable.TABLE)
                      .key(PolicyItems.policyKey(set, "p"))
                      .updateExpression("SET #mode = :mode")
                      .expressionAttributeNames(Map.of("#mode", PolicyItems.MODE))
                      .expressionAttributeValues(Map.of(":mode", PolicyItems.string("Sometimes"))));

      assertThat(writer.writer().putIfChanged(permit)).isEqualTo(2);
      assertThat(store.load().policies())
          .singleElement()
          .satisfies(stored -> assertThat(stored.mode()).isEqualTo(EnforcementMode.ENFORCE));
    }
  }

  @Test
  void creatingTheTableTwiceLeavesOneActiveOnDemandTable() throws Exception {
    String table = "governance-" + System.nanoTime();
    try (DynamoDbClient client = local.client()) {
      new PolicyTable(client, table).createIfMissing(Duration.ofSeconds(30));
      new PolicyTable(client, table).createIfMissing(Duration.ofSeconds(30));

      TableDescription description = client.describeTable(r -> r.tableName(table)).table();
      assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(description.billingModeSummary().billingMode())
          .isEqualTo(BillingMode.PAY_PER_REQUEST);
      assertThat(description.keySchema())
          .containsExactly(
              KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
    }
  }

  /** Counts conditional updates of a set's head and runs a rival's change before the first. */
  private static final class HeadUpdates implements ExecutionInterceptor {
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean rivalDone = new AtomicBoolean();
    private volatile Change rival;

    void beforeFirst(Change change) {
      rival = change;
    }

    int count() {
      return count.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof UpdateItemRequest update
          && update.conditionExpression() != null) {
        count.incrementAndGet();
        if (rivalDone.compareAndSet(false, true)) {
          try {
            rival.run();
          } catch (PolicyStoreException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }

  @FunctionalInterface
  private interface Change {
    void run() throws PolicyStoreException;
  }
}
