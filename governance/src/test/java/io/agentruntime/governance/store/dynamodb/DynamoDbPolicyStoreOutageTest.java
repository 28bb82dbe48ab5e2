package io.agentruntime.governance.store.dynamodb;

import static io.agentruntime.governance.testing.LocalPolicyTable.freshSet;
import static io.agentruntime.governance.testing.LocalPolicyTable.permit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.StoreRequest.Operation;
import io.agentruntime.governance.store.dynamodb.StoreRequest.Outcome;
import io.agentruntime.governance.testing.LocalPolicyTable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class DynamoDbPolicyStoreOutageTest {
  private static final String REGION = "ap-southeast-2";
  // Only a guard against a hang: the store's own bound is LocalPolicyTable.CALL_TIMEOUT.
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private LocalPolicyTable local;

  @BeforeEach
  void startDynalite() throws PolicyStoreException {
    local = LocalPolicyTable.start(REGION);
  }

  @AfterEach
  void stopDynalite() {
    local.close();
  }

  @Test
  void anUnreachableStoreFailsWithTableRegionAndOperationThenResumesAfterARestart()
      throws Exception {
    PolicySetKey set = freshSet();
    List<StoreRequest> seen = new CopyOnWriteArrayList<>();
    try (LocalPolicyTable.Writer writer = local.writer(set);
        DynamoDbPolicyStore store = local.store(set, seen::add)) {
      long version = writer.writer().put(permit("reasoning", "call_reasoning"));

      local.dynalite().stop();

      assertTimeoutPreemptively(
          HANG_GUARD,
          () ->
              assertThatThrownBy(store::currentVersion)
                  .isInstanceOf(PolicyStoreException.class)
                  .hasMessageContaining("table '" + LocalPolicyTable.TABLE + "'")
                  .hasMessageContaining("region " + REGION)
                  .hasMessageContaining("current_version of policy set " + set));
      assertTimeoutPreemptively(
          HANG_GUARD,
          () ->
              assertThatThrownBy(store::load)
                  .isInstanceOf(PolicyStoreException.class)
                  .hasMessageContaining("load of policy set " + set));
      assertThat(seen)
          .containsExactly(
              new StoreRequest(Operation.CURRENT_VERSION, REGION, Outcome.ERROR),
              new StoreRequest(Operation.LOAD, REGION, Outcome.ERROR));

      local.dynalite().restart();

      assertThat(store.currentVersion()).isEqualTo(version);
      assertThat(store.load().policies())
          .extracting(PolicyDocument::id)
          .containsExactly("reasoning");
    }
  }

  @Test
  void aStoreThatAcceptsConnectionsButNeverAnswersFailsInsteadOfHanging() throws Exception {
    List<StoreRequest> seen = new CopyOnWriteArrayList<>();
    // The kernel completes connections to a listening socket nobody accepts from, and nothing
    // is ever sent back: only the client's own timeouts end the call.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DynamoDbPolicyStore store =
            new DynamoDbPolicyStore(
                DynamoDbClientSettings.forRegion(REGION)
                    .withEndpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                    .newClient(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                        List.of()),
                LocalPolicyTable.TABLE,
                freshSet(),
                seen::add)) {
      assertTimeoutPreemptively(
          HANG_GUARD,
          () ->
              assertThatThrownBy(store::currentVersion)
                  .isInstanceOf(PolicyStoreException.class)
                  .hasMessageContaining("region " + REGION));
      assertThat(seen)
          .containsExactly(new StoreRequest(Operation.CURRENT_VERSION, REGION, Outcome.ERROR));
    }
  }

  @Test
  void aWriteToAnUnreachableStoreFailsNamingThePolicy() throws Exception {
    PolicySetKey set = freshSet();
    try (LocalPolicyTable.Writer writer = local.writer(set)) {
      local.dynalite().stop();

      assertTimeoutPreemptively(
          HANG_GUARD,
          () ->
              assertThatThrownBy(() -> writer.writer().put(permit("p", "read")))
                  .isInstanceOf(PolicyStoreException.class)
                  .hasMessageContaining("table '" + LocalPolicyTable.TABLE + "'")
                  .hasMessageContaining("put of policy 'p'"));
    }
  }
}
