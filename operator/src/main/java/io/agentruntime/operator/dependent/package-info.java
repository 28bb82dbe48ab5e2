/**
 * Thin JOSDK dependents, one per entry of {@link io.agentruntime.operator.render.ManagedKind}; each
 * renders its entry so the cluster gets exactly what {@code render} prints. Two conditions, both
 * reading that table, decide when an entry applies: the spec wants it ({@link SpecWants}) and its
 * add-on's CRD is usable ({@link CrdInstalled}, from the operator's {@link CrdLookups}).
 */
package io.agentruntime.operator.dependent;
