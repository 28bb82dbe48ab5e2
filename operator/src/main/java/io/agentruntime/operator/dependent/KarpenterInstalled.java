package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.NodePool;

/** Karpenter's NodePool CRD exists: the GPU NodePool can be created. */
public final class KarpenterInstalled extends CrdInstalled<NodePool> {

  /** The CRD of Karpenter's NodePools. */
  public static final String CRD = "nodepools.karpenter.sh";

  /** Creates the condition; JOSDK instantiates one per dependent. */
  public KarpenterInstalled() {
    super(CRD);
  }
}
