/**
 * Thin JOSDK dependents, one per managed kind; each calls its renderer so the cluster gets exactly
 * what {@code render} prints. The Istio ones also carry the conditions deciding when they apply:
 * Istio installed ({@link io.agentruntime.operator.dependent.CrdInstalled}) and asked for by the
 * spec.
 */
package io.agentruntime.operator.dependent;
