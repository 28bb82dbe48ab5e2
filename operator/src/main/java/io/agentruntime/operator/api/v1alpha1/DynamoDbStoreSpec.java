package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A DynamoDB table holding policy sets (single-table layout). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DynamoDbStoreSpec {

  @Required
  @Size(min = 3, max = 255)
  @Pattern("^[A-Za-z0-9_.-]{3,255}$")
  @JsonPropertyDescription("Table name.")
  private String table;

  @Size(max = 32)
  @Pattern("^[a-z]{2}(-[a-z]+)+-[0-9]+$")
  @JsonPropertyDescription("AWS region of the table, e.g. us-east-1. Default: the pod's region.")
  private String region;

  @JsonPropertyDescription(
      "Whether the operator creates the table when it is missing. Default false.")
  private Boolean createTable;

  public String getTable() {
    return table;
  }

  public void setTable(String table) {
    this.table = table;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public Boolean getCreateTable() {
    return createTable;
  }

  public void setCreateTable(Boolean createTable) {
    this.createTable = createTable;
  }
}
