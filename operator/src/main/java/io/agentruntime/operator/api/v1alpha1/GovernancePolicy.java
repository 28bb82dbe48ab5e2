package io.agentruntime.operator.api.v1alpha1;

import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One Cedar policy in the policy set of an AgentRuntime of the same namespace. The operator checks
 * its syntax, writes it into the runtime's DynamoDB store and removes it from there on deletion.
 */
@Group(AgentRuntime.GROUP)
@Version(AgentRuntime.VERSION)
@ShortNames("gp")
@AdditionalPrinterColumn(
    name = "Synced",
    jsonPath = ".status.conditions[?(@.type==\"Synced\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@SchemaCustomizer(value = SchemaMergePatch.class, input = "{\"required\": [\"spec\"]}")
public class GovernancePolicy extends CustomResource<GovernancePolicySpec, GovernancePolicyStatus>
    implements Namespaced {}
