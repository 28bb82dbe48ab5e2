/**
 * Validation of AgentRuntimes and GovernancePolicies beyond what the CRD schema can express. Errors
 * are returned, never thrown, each naming the field at fault, so the reconciler can report them all
 * in the status and the {@code render} command can print them.
 */
package io.agentruntime.operator.validation;
