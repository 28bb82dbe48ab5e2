package io.agentruntime.cli.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentruntime.cli.CommandResult;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicyStore;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.governance.store.dynamodb.StoreRequestListener;
import io.agentruntime.governance.testing.LocalPolicyTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent-runtime policies push|list|diff} against a real dynalite: what a user types, what
 * they read back, and what a runtime reading the same set then loads.
 */
class PoliciesCommandTest {

  private static final String ALLOW =
      """
      @id("allow-reasoning")
      permit (principal, action == Action::"call_reasoning", resource);
      """;
  private static final String AUDIT_EXPORT =
      """
      @id("audit-export")
      @mode("Audit")
      @rateLimit("600/1m per runtime")
      forbid (principal, action == Action::"export_customer_data", resource);
      """;
  private static final AtomicInteger SETS = new AtomicInteger();

  private static LocalPolicyTable table;

  @TempDir Path policies;
  private PolicySetKey set;

  @BeforeAll
  static void startTable() throws Exception {
    table = LocalTable.start();
  }

  @AfterAll
  static void stopTable() {
    if (table != null) {
      table.close();
    }
  }

  /** A fresh policy set per test in the shared table. */
  @BeforeEach
  void newSet() throws IOException {
    set = new PolicySetKey("agents", "runtime-" + SETS.incrementAndGet());
    write("allow.cedar", ALLOW);
    write("export.cedar", AUDIT_EXPORT);
  }

  @Test
  void aPushedDirectoryIsListedWithModesRateLimitsAndVersion() {
    CommandResult push = run("push", policies.toString());

    assertThat(push.exitCode()).isZero();
    assertThat(push.outLines())
        .containsExactly(
            "+ allow-reasoning",
            "+ audit-export",
            "policy set " + set + " in table 'governance-policies' is now at version 2");

    CommandResult list = run("list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.outLines().getFirst()).endsWith(": version 2, 2 policies");
    assertThat(list.outLines())
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith("audit-export")
                    .contains("Audit", "600/1m per runtime")
                    .endsWith(
                        "forbid (principal, action == Action::\"export_customer_data\", resource);"))
        .anySatisfy(row -> assertThat(row).startsWith("allow-reasoning").contains("Enforce"));

    JsonObject json = new JsonObject(run("list", "-o", "json").out());
    assertThat(json.getLong("version")).isEqualTo(2);
    JsonArray listed = json.getJsonArray("policies");
    assertThat(listed.getJsonObject(1).getString("id")).isEqualTo("audit-export");
    assertThat(listed.getJsonObject(1).getString("rateLimit")).isEqualTo("600/1m per runtime");
    assertThat(listed.getJsonObject(1).getString("cedar")).isEqualTo(AUDIT_EXPORT.strip());
    assertThat(listed.getJsonObject(0).getString("rateLimit")).isNull();
  }

  @Test
  void pushingTheSameFilesAgainWritesNothing() throws Exception {
    run("push", policies.toString());

    CommandResult again = run("push", policies.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.outLines())
        .containsExactly(
            "no changes: policy set " + set + " in table 'governance-policies' is at version 2");
    try (DynamoDbPolicyStore store = table.store(set, StoreRequestListener.NONE)) {
      assertThat(store.currentVersion()).isEqualTo(2);
    }
  }

  @Test
  void aChangedFileIsOneChangeAndOneVersion() throws Exception {
    run("push", policies.toString());
    write("allow.cedar", ALLOW.replace("call_reasoning", "summarize"));

    CommandResult push = run("push", policies.toString());

    assertThat(push.outLines())
        .containsExactly(
            "~ allow-reasoning",
            "policy set " + set + " in table 'governance-policies' is now at version 3");
  }

  @Test
  void pruneDeletesThePolicyOfADeletedFileAndOnlyThen() throws Exception {
    run("push", policies.toString());
    Files.delete(policies.resolve("export.cedar"));

    assertThat(run("push", policies.toString()).outLines())
        .singleElement()
        .asString()
        .startsWith("no changes");
    CommandResult pruned = run("push", "--prune", policies.toString());

    assertThat(pruned.outLines())
        .containsExactly(
            "- audit-export (not in files)",
            "policy set " + set + " in table 'governance-policies' is now at version 3");
    assertThat(run("list").out()).doesNotContain("audit-export").contains("version 3, 1 policy");
  }

  @Test
  void diffExitsOneWithTheChangesAndZeroOnceTheyArePushed() throws Exception {
    run("push", policies.toString());
    write("allow.cedar", ALLOW.replace("call_reasoning", "summarize"));
    write("new.cedar", "permit (principal, action == Action::\"lookup_order\", resource);");

    CommandResult diff = run("diff", policies.toString());

    assertThat(diff.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(diff.outLines())
        .containsSubsequence(
            "~ allow-reasoning",
            "  --- table",
            "  +++ " + policies.resolve("allow.cedar"),
            "  @@ -1,2 +1,2 @@",
            "   @id(\"allow-reasoning\")",
            "  -permit (principal, action == Action::\"call_reasoning\", resource);",
            "  +permit (principal, action == Action::\"summarize\", resource);",
            "+ new");
    try (DynamoDbPolicyStore store = table.store(set, StoreRequestListener.NONE)) {
      assertThat(store.currentVersion()).as("diff writes nothing").isEqualTo(2);
    }

    run("push", policies.toString());
    CommandResult clean = run("diff", policies.toString());
    assertThat(clean.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(clean.out()).isEmpty();
  }

  @Test
  void invalidCedarExitsTwoNamingFileAndLineAndWritesNothing() throws Exception {
    run("push", policies.toString());
    write("allow.cedar", ALLOW.replace("call_reasoning", "summarize"));
    write("broken.cedar", "permit (\n  principal,\n  action ==,\n  resource\n);\n");

    CommandResult push = run("push", "--prune", policies.toString());

    assertThat(push.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(push.err()).contains(policies.resolve("broken.cedar") + ": line 3, column");
    assertThat(push.out()).isEmpty();
    try (DynamoDbPolicyStore store = table.store(set, StoreRequestListener.NONE)) {
      PolicySetSnapshot stored = store.load();
      assertThat(stored.version()).isEqualTo(2);
      assertThat(stored.policies().getFirst().cedar()).contains("call_reasoning");
    }
  }

  @Test
  void anIdDefinedInTwoFilesExitsTwoNamingBoth() throws Exception {
    write("again.cedar", ALLOW);

    CommandResult push = run("push", policies.toString());

    assertThat(push.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(push.err())
        .contains("policy id 'allow-reasoning' is defined in both")
        .contains("again.cedar", "allow.cedar");
  }

  @Test
  void anUnreachableEndpointExitsThreeWithAClearMessage() throws Exception {
    String[] args = LocalTable.args(table, "list", set);
    args[args.length - 1] = "http://127.0.0.1:" + closedPort();

    CommandResult list = CommandResult.run(args);

    assertThat(list.exitCode()).isEqualTo(ExitCodes.STORE_ERROR);
    assertThat(list.err())
        .startsWith("error: DynamoDB table 'governance-policies' in region eu-west-1: load of")
        .contains("Unable to execute HTTP request")
        .doesNotContain("\tat ", "Exception");
    assertThat(list.out()).isEmpty();
  }

  @Test
  void aMissingTableExitsThreeUntilPushCreatesIt() throws Exception {
    String[] push = LocalTable.args(table, "push", set, policies.toString());
    push[3] = "other-table";

    CommandResult missing = CommandResult.run(push);
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.STORE_ERROR);
    assertThat(missing.err()).contains("'other-table'", "does not exist", "--create-table");

    CommandResult dryRun = CommandResult.run(with(push, "--create-table", "--dry-run"));
    assertThat(dryRun.outLines())
        .containsExactly(
            "table 'other-table' would be created",
            "+ allow-reasoning",
            "+ audit-export",
            "dry run, nothing written: policy set "
                + set
                + " in table 'other-table' stays at"
                + " version 0");
    assertThat(CommandResult.run(push).exitCode())
        .as("a dry run creates no table")
        .isEqualTo(ExitCodes.STORE_ERROR);

    CommandResult created = CommandResult.run(with(push, "--create-table"));
    assertThat(created.exitCode()).isZero();
    assertThat(created.outLines()).last().asString().endsWith("is now at version 2");
  }

  @Test
  void aMissingTableOptionExitsTwoNamingIt() {
    CommandResult list =
        CommandResult.run("policies", "list", "--runtime", "agents/x", "--region", "eu-west-1");

    assertThat(list.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(list.err()).startsWith("Missing required option: '--table=NAME'");
  }

  @Test
  void aMissingRegionExitsTwoNamingTheOptionAndTheVariable() {
    CommandResult list = CommandResult.run("policies", "list", "--table", "t", "--runtime", "a/b");

    assertThat(list.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(list.err()).contains("--region", "AWS_REGION");
  }

  @Test
  void aRuntimeReadingTheSetLoadsWhatWasPushed() throws Exception {
    CommandResult push = run("push", policies.toString());
    assertThat(push.exitCode()).isZero();

    try (DynamoDbPolicyStore store = table.store(set, StoreRequestListener.NONE)) {
      PolicySetSnapshot loaded = store.load();
      assertThat(loaded.version()).isEqualTo(2);
      assertThat(loaded.policies())
          .extracting(PolicyDocument::id, PolicyDocument::mode, PolicyDocument::rateLimit)
          .containsExactly(
              tuple("allow-reasoning", EnforcementMode.ENFORCE, Optional.empty()),
              tuple(
                  "audit-export",
                  EnforcementMode.AUDIT,
                  Optional.of(new RateLimit(600, Duration.ofMinutes(1), RateLimit.Key.RUNTIME))));
    }
  }

  private CommandResult run(String command, String... more) {
    return CommandResult.run(LocalTable.args(table, command, set, more));
  }

  private static String[] with(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private void write(String name, String cedar) throws IOException {
    Files.writeString(policies.resolve(name), cedar);
  }

  /** A loopback port nobody listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
