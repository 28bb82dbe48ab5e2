package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

/** The GPU NodePool's name: cluster-wide unique, readable where it can be, a valid label value. */
class ResourceNamesTest {

  /** A DNS label, as a label value must be to name a node pool: at most 63, no edge dashes. */
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

  /** The longest AgentRuntime name the validator accepts, in the longest namespace there is. */
  private static final String LONGEST_NAMESPACE = "n".repeat(63);

  private static final String LONGEST_NAME = "r".repeat(51);

  @Test
  void aShortNameReadsAsNamespaceAndRuntimeFollowedByTheOwnersHash() {
    String name = ResourceNames.gpuNodePool(runtime("agents", "support"));

    assertThat(name).matches("agents-support-gpu-[0-9a-f]{8}");
    assertThat(ResourceNames.gpuNodePool(runtime("agents", "support")))
        .as("the same owner always gets the same pool")
        .isEqualTo(name);
  }

  @Test
  void runtimesWhoseNamesReadAlikeGetPoolsOfTheirOwn() {
    String teamA = ResourceNames.gpuNodePool(runtime("team-a", "x"));
    String team = ResourceNames.gpuNodePool(runtime("team", "a-x"));

    assertThat(teamA).startsWith("team-a-x-gpu-");
    assertThat(team).startsWith("team-a-x-gpu-").isNotEqualTo(teamA);
  }

  @Test
  void theLongestNamesAreCutToALabelValueAndStayApart() {
    String longest = ResourceNames.gpuNodePool(runtime(LONGEST_NAMESPACE, LONGEST_NAME));
    String sibling =
        ResourceNames.gpuNodePool(runtime(LONGEST_NAMESPACE, LONGEST_NAME.substring(1) + "s"));

    assertThat(longest)
        .hasSize(ResourceNames.MAX_LABEL_VALUE_LENGTH)
        .matches(DNS_LABEL)
        .startsWith(LONGEST_NAMESPACE.substring(0, 50) + "-gpu-");
    assertThat(sibling)
        .as("differs only past the cut")
        .hasSize(ResourceNames.MAX_LABEL_VALUE_LENGTH)
        .isNotEqualTo(longest);
  }

  @Test
  void aNameThatJustFitsIsNotCut() {
    // 45 + 1 + 4 = 50 readable characters: exactly the room the suffix leaves.
    String namespace = "n".repeat(45);

    assertThat(ResourceNames.gpuNodePool(runtime(namespace, "abcd")))
        .hasSize(ResourceNames.MAX_LABEL_VALUE_LENGTH)
        .startsWith(namespace + "-abcd-gpu-");
  }

  @Test
  void aCutEndingOnADashDropsIt() {
    // The cut after 50 characters falls right after the namespace's dash.
    String namespace = "n".repeat(49);

    String name = ResourceNames.gpuNodePool(runtime(namespace, "support"));

    assertThat(name).startsWith(namespace + "-gpu-").doesNotContain("--").matches(DNS_LABEL);
  }

  private static AgentRuntime runtime(String namespace, String name) {
    AgentRuntime cr = new AgentRuntime();
    cr.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    return cr;
  }
}
