package io.agentruntime.cli.policies;

import io.agentruntime.governance.store.dynamodb.DynamoDbClientSettings;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;

/**
 * The policy set a command works on, as its options name it.
 *
 * @param table the DynamoDB table's name
 * @param set the runtime's policy set
 * @param client how to reach the table
 */
record StoreTarget(String table, PolicySetKey set, DynamoDbClientSettings client) {

  /** {@code policy set <namespace>/<name> in table '<table>'}, for output lines. */
  String describe() {
    return "policy set " + set + " in table '" + table + "'";
  }
}
