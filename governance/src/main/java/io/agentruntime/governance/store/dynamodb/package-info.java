/**
 * The production policy store: one DynamoDB table in the single-table layout of the design (a
 * policy set is one partition; its {@code #HEAD} item carries the set's version), the writer used
 * by the operator and the admin command, and cross-region read failover.
 *
 * <p>Nothing here needs DynamoDB transactions or TTL: correctness rests on the write order (policy
 * item first, head bump second) and on conditional updates of the head.
 */
package io.agentruntime.governance.store.dynamodb;
