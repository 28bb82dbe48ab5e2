package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.testing.Dynalite;
import io.agentruntime.governance.testing.LocalPolicyTable;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.api.v1alpha1.GovernanceMode;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicyStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * GovernancePolicies end to end: the real operator against fabric8's mock API server (CRUD mode)
 * and a real dynalite, checking what lands in the table and what both resources report.
 */
class GovernancePolicyReconcilerTest {

  private static final String NAMESPACE = "agents";
  private static final String TABLE = "governance-policies";
  private static final String REGION = "us-east-1";
  private static final String PERMIT_PAID =
      """
      permit(principal, action == Action::"call_reasoning", resource)
      when { context.tier == "paid" };
      """;

  private static LocalPolicyTable local;
  private static Dynalite dynalite;
  private static DynamoDbClient dynamoDb;
  private static MockCluster cluster;

  @BeforeAll
  static void start() throws PolicyStoreException {
    local = LocalPolicyTable.start(REGION, TABLE);
    dynalite = local.dynalite();
    dynamoDb = local.client();
    cluster = MockCluster.withDynamoDb(dynalite.endpoint());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    if (local != null) {
      local.close();
    }
  }

  @Test
  void writesThePolicyAndReportsTheVersionOnThePolicyAndItsRuntime() {
    cluster.create(runtimeWithTable("create", TABLE));
    cluster.create(
        GovernancePolicies.withSpec(
            NAMESPACE,
            "paid-may-reason",
            "runtime: create\nmode: Audit\nrateLimit: {requests: 600, per: 1m}\ncedar: |\n"
                + PERMIT_PAID.indent(2)));

    var status = awaitSynced("paid-may-reason");

    var item = policyItem("create", "paid-may-reason");
    assertThat(item.get("cedar").s()).isEqualTo(PERMIT_PAID);
    assertThat(item.get("mode").s()).isEqualTo("Audit");
    assertThat(item.get("rateLimit").s()).isEqualTo("600/1m per principal");
    assertThat(headVersion("create")).isEqualTo(1);
    assertThat(status.getPolicySetVersion()).isEqualTo(1);
    assertThat(condition(status.getConditions(), "Synced").getMessage())
        .isEqualTo("policy set agents/create version 1");
    assertThat(status.getSyncedTo().getTable()).isEqualTo(TABLE);
    assertThat(policy("paid-may-reason").getMetadata().getFinalizers()).isNotEmpty();

    var runtime = awaitRuntimeVersion("create", 1);
    var governance = condition(runtime.getConditions(), "GovernanceSynced");
    assertThat(governance.getStatus()).isEqualTo("True");
    assertThat(governance.getMessage()).isEqualTo("policy set version 1");
  }

  @Test
  void anEditMovesTheVersionAndAResyncWithoutChangeDoesNot() {
    cluster.create(runtimeWithTable("update", TABLE));
    cluster.create(GovernancePolicies.of(NAMESPACE, "edited", "update", PERMIT_PAID));
    awaitSynced("edited");

    var stricter = PERMIT_PAID.replace("\"paid\"", "\"enterprise\"");
    editPolicy("edited", policy -> policy.getSpec().setCedar(stricter));

    var status =
        eventually()
            .until(
                () -> policy("edited").getStatus(),
                s -> s != null && Long.valueOf(2).equals(s.getPolicySetVersion()));
    assertThat(policyItem("update", "edited").get("cedar").s()).isEqualTo(stricter);
    assertThat(status.getObservedGeneration())
        .isEqualTo(policy("edited").getMetadata().getGeneration());

    int reconciled = cluster.reconciles.of("edited");
    cluster.editSpec(NAMESPACE, "update", spec -> spec.getReplicas().setMax(4));
    eventually().until(() -> cluster.reconciles.of("edited") > reconciled);

    assertThat(headVersion("update")).as("nothing changed, no reload").isEqualTo(2);
    assertThat(policy("edited").getStatus().getPolicySetVersion()).isEqualTo(2);
  }

  @Test
  void movingToAnotherRuntimeRemovesThePolicyFromTheOldSet() {
    cluster.create(runtimeWithTable("moved-from", TABLE));
    cluster.create(runtimeWithTable("moved-to", TABLE));
    cluster.create(GovernancePolicies.of(NAMESPACE, "mover", "moved-from", PERMIT_PAID));
    awaitSynced("mover");

    editPolicy("mover", policy -> policy.getSpec().setRuntime("moved-to"));

    var status =
        eventually()
            .until(
                () -> policy("mover").getStatus(),
                s -> s != null && "agents/moved-to".equals(s.getSyncedTo().getPolicySet()));
    assertThat(status.getPolicySetVersion()).isEqualTo(1);
    assertThat(policyItem("moved-to", "mover").get("cedar").s()).isEqualTo(PERMIT_PAID);
    assertThat(policyItemOrEmpty("moved-from", "mover")).isEmpty();
    assertThat(headVersion("moved-from")).isEqualTo(2);
    awaitRuntimeVersion("moved-from", 2);
    awaitRuntimeVersion("moved-to", 1);
  }

  @Test
  void deletionRemovesThePolicyFromTheTableThenTheResource() {
    cluster.create(runtimeWithTable("delete", TABLE));
    cluster.create(GovernancePolicies.of(NAMESPACE, "removed", "delete", PERMIT_PAID));
    awaitSynced("removed");

    cluster.client.resource(policy("removed")).delete();

    eventually().until(() -> policy("removed") == null);
    assertThat(policyItemOrEmpty("delete", "removed")).isEmpty();
    assertThat(headVersion("delete")).isEqualTo(2);
    awaitRuntimeVersion("delete", 2);
  }

  @Test
  void anUnreachableStoreIsReportedAndHoldsTheDeletionUntilItIsBack() {
    cluster.create(runtimeWithTable("outage", TABLE));
    cluster.create(GovernancePolicies.of(NAMESPACE, "stranded", "outage", PERMIT_PAID));
    awaitSynced("stranded");

    dynalite.stop();
    try {
      editPolicy("stranded", policy -> policy.getSpec().setMode(GovernanceMode.AUDIT));
      var failed = awaitSyncedReason("stranded", "StoreUnavailable");
      assertThat(condition(failed.getConditions(), "Synced").getMessage()).contains(TABLE);
      assertThat(failed.getPolicySetVersion()).as("the version last written").isEqualTo(1);

      cluster.client.resource(policy("stranded")).delete();
      eventually().until(() -> policy("stranded").getMetadata().getDeletionTimestamp() != null);
    } finally {
      dynalite.restart();
    }

    eventually().until(() -> policy("stranded") == null);
    assertThat(policyItemOrEmpty("outage", "stranded")).isEmpty();
  }

  @Test
  void refusesInvalidCedarNamingTheLineAndWritesNothing() {
    cluster.create(runtimeWithTable("invalid", TABLE));
    cluster.create(
        GovernancePolicies.of(
            NAMESPACE,
            "broken",
            "invalid",
            """
            permit(principal, action, resource)
            when { context.tier == };
            """));

    var status =
        eventually()
            .until(
                () -> policy("broken").getStatus(),
                s -> s != null && conditionOrNull(s.getConditions(), "Valid") != null);

    var valid = condition(status.getConditions(), "Valid");
    assertThat(valid.getStatus()).isEqualTo("False");
    assertThat(valid.getReason()).isEqualTo("InvalidSpec");
    assertThat(valid.getMessage()).startsWith("spec.cedar: line 2, column ");
    assertThat(condition(status.getConditions(), "Synced").getStatus()).isEqualTo("False");
    assertThat(warnings("broken"))
        .singleElement()
        .satisfies(event -> assertThat(event.getMessage()).isEqualTo(valid.getMessage()));
    assertThat(policyItemOrEmpty("invalid", "broken")).isEmpty();
    assertThat(headVersion("invalid")).isZero();

    cluster.client.resource(policy("broken")).delete();
    eventually().until(() -> policy("broken") == null);
  }

  @Test
  void waitsForItsRuntimeAndSyncsOnceItExists() {
    cluster.create(GovernancePolicies.of(NAMESPACE, "early", "later", PERMIT_PAID));

    var waiting = awaitSyncedReason("early", "RuntimeNotFound");
    assertThat(condition(waiting.getConditions(), "Synced").getMessage())
        .isEqualTo("no AgentRuntime 'later' in namespace agents");
    assertThat(headVersion("later")).isZero();

    cluster.create(runtimeWithTable("later", TABLE));

    assertThat(awaitSynced("early").getPolicySetVersion()).isEqualTo(1);
    assertThat(policyItem("later", "early").get("cedar").s()).isEqualTo(PERMIT_PAID);
  }

  @Test
  void reportsARuntimeWithoutADynamoDbStore() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "files"));
    cluster.create(GovernancePolicies.of(NAMESPACE, "filed", "files", PERMIT_PAID));

    var status = awaitSyncedReason("filed", "NoDynamoDbStore");

    assertThat(condition(status.getConditions(), "Synced").getMessage())
        .contains("spec.governance.store.dynamodb");
    var runtime = eventually().until(() -> runtime("files").getStatus(), s -> s != null);
    assertThat(conditionOrNull(runtime.getConditions(), "GovernanceSynced")).isNull();
    assertThat(runtime.getPolicySetVersion()).isNull();
  }

  @Test
  void createsTheTableWhenTheRuntimeAsksForIt() {
    var table = "created-" + System.nanoTime();
    var runtime =
        AgentRuntimes.valid(
            NAMESPACE,
            "creator",
            "governance: {store: {dynamodb: {table: %s, region: %s, createTable: true}}}"
                .formatted(table, REGION));
    cluster.create(runtime);

    var status = awaitRuntimeVersion("creator", 0);

    assertThat(condition(status.getConditions(), "GovernanceSynced").getStatus()).isEqualTo("True");
    TableDescription description = dynamoDb.describeTable(r -> r.tableName(table)).table();
    assertThat(description.billingModeSummary().billingMode())
        .isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(description.keySchema())
        .containsExactly(
            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
  }

  @Test
  void reportsAMissingTableItMayNotCreate() {
    cluster.create(runtimeWithTable("tableless", "missing-table"));

    var status =
        eventually()
            .until(
                () -> runtime("tableless").getStatus(),
                s -> s != null && conditionOrNull(s.getConditions(), "GovernanceSynced") != null);

    var governance = condition(status.getConditions(), "GovernanceSynced");
    assertThat(governance.getStatus()).isEqualTo("False");
    assertThat(governance.getReason()).isEqualTo("TableNotFound");
    assertThat(governance.getMessage()).contains("missing-table", "createTable: true");
  }

  private static AgentRuntime runtimeWithTable(String name, String table) {
    return AgentRuntimes.valid(
        NAMESPACE,
        name,
        "governance: {store: {dynamodb: {table: %s, region: %s}}}".formatted(table, REGION));
  }

  private static GovernancePolicyStatus awaitSynced(String name) {
    return awaitSyncedReason(name, "PolicySynced");
  }

  private static GovernancePolicyStatus awaitSyncedReason(String name, String reason) {
    return eventually()
        .until(
            () -> policy(name).getStatus(),
            status ->
                status != null
                    && Optional.ofNullable(conditionOrNull(status.getConditions(), "Synced"))
                        .map(Condition::getReason)
                        .filter(reason::equals)
                        .isPresent());
  }

  private static AgentRuntimeStatus awaitRuntimeVersion(String name, long version) {
    return eventually()
        .until(
            () -> runtime(name).getStatus(),
            status -> status != null && Long.valueOf(version).equals(status.getPolicySetVersion()));
  }

  /** Changes a policy as {@code kubectl edit} would, again when the operator's write won a race. */
  private static void editPolicy(String name, Consumer<GovernancePolicy> change) {
    eventually()
        .ignoreExceptions()
        .until(
            () -> {
              cluster
                  .client
                  .resource(policy(name))
                  .edit(
                      policy -> {
                        change.accept(policy);
                        return policy;
                      });
              return true;
            });
  }

  private static GovernancePolicy policy(String name) {
    return cluster
        .client
        .resources(GovernancePolicy.class)
        .inNamespace(NAMESPACE)
        .withName(name)
        .get();
  }

  private static AgentRuntime runtime(String name) {
    return cluster.get(NAMESPACE, name);
  }

  private static Map<String, AttributeValue> policyItem(String runtime, String policy) {
    var item = policyItemOrEmpty(runtime, policy);
    assertThat(item).as("policy %s in set %s", policy, runtime).isNotEmpty();
    return item;
  }

  private static Map<String, AttributeValue> policyItemOrEmpty(String runtime, String policy) {
    return dynamoDb
        .getItem(
            request ->
                request
                    .tableName(TABLE)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("POLICYSET#" + NAMESPACE + "/" + runtime),
                            "sk", AttributeValue.fromS("POLICY#" + policy))))
        .item();
  }

  private static long headVersion(String runtime) {
    var head =
        dynamoDb
            .getItem(
                request ->
                    request
                        .tableName(TABLE)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS("POLICYSET#" + NAMESPACE + "/" + runtime),
                                "sk",
                                AttributeValue.fromS("#HEAD"))))
            .item();
    return head.isEmpty() ? 0 : Long.parseLong(head.get("version").n());
  }

  private static List<Event> warnings(String name) {
    return cluster.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(event -> name.equals(event.getInvolvedObject().getName()))
        .filter(event -> "GovernancePolicy".equals(event.getInvolvedObject().getKind()))
        .filter(event -> "Warning".equals(event.getType()))
        .toList();
  }

  private static Condition conditionOrNull(List<Condition> conditions, String type) {
    return conditions == null
        ? null
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private static Condition condition(List<Condition> conditions, String type) {
    var condition = conditionOrNull(conditions, type);
    assertThat(condition).as("condition %s in %s", type, conditions).isNotNull();
    return condition;
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }
}
