package io.agentruntime.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What renderers write of an enum constant is what a resource holds, in both directions. */
class ResourceValueTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static Stream<ResourceValue> constants() {
    return Stream.of(
            AgentRuntimePhase.class,
            CapacityType.class,
            GovernanceMode.class,
            InferenceUpgrade.class,
            MtlsMode.class,
            RateLimitKey.class,
            VolumeAccessMode.class)
        .flatMap(type -> Arrays.stream(type.getEnumConstants()));
  }

  @ParameterizedTest
  @MethodSource("constants")
  void theValueIsWhatTheResourceHolds(ResourceValue constant) {
    assertThat(SERIALIZATION.asJson(constant)).isEqualTo("\"" + constant.value() + "\"");
    assertThat(
            SERIALIZATION.unmarshal("\"" + constant.value() + "\"", constant.getDeclaringClass()))
        .isSameAs(constant);
  }
}
