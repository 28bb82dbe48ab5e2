package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The policy store of a runtime. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GovernanceStoreSpec {

  @Required
  @JsonPropertyDescription("A DynamoDB single table holding the policy sets.")
  private DynamoDbStoreSpec dynamodb;

  public DynamoDbStoreSpec getDynamodb() {
    return dynamodb;
  }

  public void setDynamodb(DynamoDbStoreSpec dynamodb) {
    this.dynamodb = dynamodb;
  }
}
