package io.agentruntime.governance.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the DynamoDB operation of every HTTP request a client sends, retries included. */
final class RecordedRequests implements ExecutionInterceptor {
  private final List<String> operations = new ArrayList<>();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    synchronized (operations) {
      operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  /** The operations sent so far, e.g. {@code [GetItem, Query]}, and forgets them. */
  List<String> drain() {
    synchronized (operations) {
      List<String> sent = List.copyOf(operations);
      operations.clear();
      return sent;
    }
  }
}
