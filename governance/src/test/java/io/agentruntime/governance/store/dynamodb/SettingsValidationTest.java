package io.agentruntime.governance.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {
  @Test
  void aPolicySetKeyIsThePartitionOfItsRuntime() {
    assertThat(new PolicySetKey("agents", "support").partitionKey())
        .isEqualTo("POLICYSET#agents/support");
  }

  @Test
  void aNameThatIsNotAKubernetesNameIsRefusedNamingTheField() {
    assertThatThrownBy(() -> new PolicySetKey("agents/x", "support"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("namespace must be a Kubernetes name")
        .hasMessageContaining("'agents/x'");
    assertThatThrownBy(() -> new PolicySetKey("agents", ""))
        .hasMessageStartingWith("runtime must be a Kubernetes name");
  }

  @Test
  void clientSettingsNameTheFieldAtFault() {
    DynamoDbClientSettings settings = DynamoDbClientSettings.forRegion("eu-west-1");
    assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("apiCallTimeout must be a positive duration");
    assertThatThrownBy(() -> DynamoDbClientSettings.forRegion(" "))
        .hasMessage("region must not be empty");
  }
}
