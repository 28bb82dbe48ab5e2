package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An object of a dependent's name that the operator's label-filtered informers cannot see (made by
 * hand, or stripped of the {@code managed-by} label) is adopted once, with a Warning Event, instead
 * of being created again and refused with 409 on every reconciliation. Run with and without
 * Server-Side Apply (production uses it; the mock takes apply patches as a single manager's).
 */
class AdoptionTest {

  private static final String NAMESPACE = "agents";

  @ParameterizedTest(name = "Server-Side Apply: {0}")
  @ValueSource(booleans = {true, false})
  void aServiceMadeByHandIsAdoptedOnceAndRepaired(boolean serverSideApply) {
    try (MockCluster cluster = cluster(serverSideApply)) {
      cluster.client.resource(ManagedObjects.handMadeService(NAMESPACE, "adopted")).create();

      var cr = cluster.create(AgentRuntimes.valid(NAMESPACE, "adopted"));

      var service =
          eventually()
              .until(
                  () -> service(cluster, "adopted"),
                  s -> s.getMetadata().getLabels().containsKey(Labels.MANAGED_BY));
      ManagedObjects.assertManagedAndOwnedBy(service, cr);
      assertThat(service.getSpec().getPorts())
          .as("the hand-made port 80 replaced by the runtime's ports")
          .extracting(ServicePort::getPort)
          .containsExactlyInAnyOrder(
              ResourceNames.RUNTIME_PORT, ResourceNames.RUNTIME_MANAGEMENT_PORT);
      var adoptions = eventually().until(() -> adoptions(cluster), events -> !events.isEmpty());
      assertThat(adoptions)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getType()).isEqualTo("Warning");
                assertThat(event.getInvolvedObject().getName()).isEqualTo("adopted");
                assertThat(event.getMessage()).startsWith("Service adopted already existed");
              });

      int reconciled = cluster.reconciles.of("adopted");
      cluster.editSpec(NAMESPACE, "adopted", spec -> spec.getReplicas().setMax(6));
      eventually().until(() -> cluster.reconciles.of("adopted") >= reconciled + 1);
      assertThat(adoptions(cluster)).as("adopted once, then seen by the informer").hasSize(1);
    }
  }

  @ParameterizedTest(name = "Server-Side Apply: {0}")
  @ValueSource(booleans = {true, false})
  void aServiceThatLostItsLabelIsAdoptedAgain(boolean serverSideApply) {
    try (MockCluster cluster = cluster(serverSideApply)) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "relabelled"));
      var service = eventually().until(() -> service(cluster, "relabelled"), s -> s != null);

      cluster
          .client
          .resource(service)
          .edit(
              edited -> {
                edited.getMetadata().getLabels().remove(Labels.MANAGED_BY);
                edited.getSpec().getPorts().getFirst().setPort(9090);
                return edited;
              });
      // The informer now sees the Service as deleted: the operator creates it again.
      cluster.editSpec(NAMESPACE, "relabelled", spec -> spec.getReplicas().setMax(6));

      eventually()
          .untilAsserted(
              () -> {
                var repaired = service(cluster, "relabelled");
                assertThat(repaired.getMetadata().getLabels())
                    .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR_NAME);
                assertThat(repaired.getSpec().getPorts().getFirst().getPort())
                    .isEqualTo(ResourceNames.RUNTIME_PORT);
              });
      // Repaired either by an adoption after a 409 or, when JOSDK still holds the Service it
      // wrote last, by an apply without precondition; never by a 409 on every reconciliation.
      assertThat(adoptions(cluster)).hasSizeLessThanOrEqualTo(1);
    }
  }

  private static MockCluster cluster(boolean serverSideApply) {
    return MockCluster.start(
        new MockCluster.Setup(
            MockCluster.settings(Set.of()),
            MockCluster::failOnLeadershipLost,
            Map.of(),
            serverSideApply,
            null));
  }

  private static Service service(MockCluster cluster, String name) {
    return cluster.client.services().inNamespace(NAMESPACE).withName(name).get();
  }

  private static List<Event> adoptions(MockCluster cluster) {
    return cluster.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(event -> "AdoptedExisting".equals(event.getReason()))
        .toList();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }
}
