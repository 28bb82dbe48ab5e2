/**
 * A CRD checked as the API server checks a create: its structural schema, defaults, list types and
 * CEL rules ({@link io.agentruntime.operator.crd.CrdSchema}). It knows CRDs and JSON, not the
 * operator: it reads no CR class, renderer or validator (only the quantity syntax the CRDs share,
 * from {@code api.schema}), and reaches no cluster, so the {@code render} command can check its
 * input with it as the API server would.
 */
package io.agentruntime.operator.crd;
