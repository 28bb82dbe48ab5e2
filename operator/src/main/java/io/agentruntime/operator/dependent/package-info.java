/**
 * Thin JOSDK dependents, one per managed kind; each calls its renderer so the cluster gets exactly
 * what {@code render} prints.
 */
package io.agentruntime.operator.dependent;
