package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.agentruntime.operator.render.AgentRuntimeRenderer;
import io.agentruntime.operator.render.InstalledAddOns;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.agentruntime.operator.render.RenderSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code render --addons} prints is what a cluster with exactly those add-ons gets: for every
 * subset of the four add-ons (all 16), a mock API server holding exactly those add-ons' CRDs runs
 * the operator on every example of {@code examples/}, and the objects it applies (kind, name,
 * labels, annotations and everything but the metadata the API server and JOSDK add) equal those
 * {@link AgentRuntimeRenderer} renders for the same add-ons.
 *
 * <p>The examples' DynamoDB policy store is pointed at a closed loopback port: the store's state
 * only decides the status, never which objects are applied.
 */
class RenderMatchesClusterTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /**
   * The annotations JOSDK adds to the objects it applies: the previous version it wrote, the
   * primary's name on a cluster-scoped NodePool.
   */
  private static final List<String> JOSDK_ANNOTATIONS =
      List.of("javaoperatorsdk.io/", "io.javaoperatorsdk/");

  /** Nothing listens on port 1: the policy store is unreachable at once. */
  private static final URI NO_DYNAMODB = URI.create("http://127.0.0.1:1");

  static Stream<Set<AddOn>> everySubsetOfAddOns() {
    AddOn[] addOns = AddOn.values();
    return Stream.iterate(0, mask -> mask < 1 << addOns.length, mask -> mask + 1)
        .map(
            mask -> {
              Set<AddOn> subset = EnumSet.noneOf(AddOn.class);
              for (int bit = 0; bit < addOns.length; bit++) {
                if ((mask & 1 << bit) != 0) {
                  subset.add(addOns[bit]);
                }
              }
              return subset;
            });
  }

  @ParameterizedTest(name = "add-ons {0}")
  @MethodSource("everySubsetOfAddOns")
  void theClusterGetsWhatRenderPrints(Set<AddOn> addOns) {
    try (MockCluster cluster =
        MockCluster.start(
            new MockCluster.Setup(
                MockCluster.settings(Set.of()).withDynamoDbEndpoint(NO_DYNAMODB),
                MockCluster::failOnLeadershipLost,
                MockCluster.current(addOns.toArray(AddOn[]::new)),
                false,
                null))) {
      List<HasMetadata> rendered = new ArrayList<>();
      for (String name : AgentRuntimeFixtures.exampleNames()) {
        AgentRuntime cr = AgentRuntimeFixtures.example(name);
        cr.getMetadata().setNamespace("example-" + name);
        rendered.addAll(
            AgentRuntimeRenderer.render(cr, InstalledAddOns.of(addOns), RenderSettings.DEFAULTS));
        cluster.create(cr);
      }

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () ->
                  assertThat(comparable(applied(cluster)))
                      .as("objects on a cluster with %s", addOns)
                      .isEqualTo(comparable(rendered)));
    }
  }

  /** Every object of a managed kind in the cluster that the operator manages. */
  private static List<HasMetadata> applied(MockCluster cluster) {
    List<HasMetadata> objects = new ArrayList<>();
    Arrays.stream(ManagedKind.values())
        .map(ManagedKind::type)
        .distinct()
        .forEach(
            type -> {
              var resources = cluster.client.resources(type);
              var managed =
                  Namespaced.class.isAssignableFrom(type)
                      ? resources
                          .inAnyNamespace()
                          .withLabel(Labels.MANAGED_BY, Labels.OPERATOR_NAME)
                      : resources.withLabel(Labels.MANAGED_BY, Labels.OPERATOR_NAME);
              objects.addAll(managed.list().getItems());
            });
    return objects;
  }

  /**
   * Each object by {@code kind namespace/name}, reduced to what the operator decides: its metadata
   * without what the API server (uid, resourceVersion, timestamps) and JOSDK (owner references, its
   * annotations) add, and no status.
   */
  private static Map<String, JsonNode> comparable(List<HasMetadata> objects) {
    Map<String, JsonNode> byName = new TreeMap<>();
    for (HasMetadata object : objects) {
      ObjectNode tree = (ObjectNode) SERIALIZATION.convertValue(object, JsonNode.class);
      tree.remove("status");
      ObjectNode metadata = (ObjectNode) tree.path("metadata");
      metadata.retain("name", "namespace", "labels", "annotations");
      if (metadata.path("annotations") instanceof ObjectNode annotations) {
        annotations
            .properties()
            .removeIf(entry -> JOSDK_ANNOTATIONS.stream().anyMatch(entry.getKey()::startsWith));
        if (annotations.isEmpty()) {
          metadata.remove("annotations");
        }
      }
      byName.put(
          object.getKind()
              + " "
              + object.getMetadata().getNamespace()
              + "/"
              + object.getMetadata().getName(),
          tree);
    }
    return byName;
  }
}
