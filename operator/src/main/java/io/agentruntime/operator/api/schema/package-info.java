/**
 * What the CRD generator needs beyond fabric8's annotations to turn the API classes into the
 * schemas in {@code crds/}: a merge-patch customizer and the schema fragments the API classes share
 * (Kubernetes quantities, conditions). Nothing here runs in the operator but the bounds its status
 * writer keeps to.
 */
package io.agentruntime.operator.api.schema;
