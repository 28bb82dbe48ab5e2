package io.agentruntime.operator.addon;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Karpenter's cluster-scoped NodePool (karpenter.sh/v1). */
@Group("karpenter.sh")
@Version("v1")
@Kind("NodePool")
@Plural("nodepools")
public class NodePool extends FreeFormResource {}
