/**
 * The operator's access to the governance tables: one DynamoDB client per region for the process's
 * lifetime, and the reads and writes the reconcilers make of a runtime's policy set.
 */
package io.agentruntime.operator.store;
