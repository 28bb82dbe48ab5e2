package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.ScaledObject;

/** KEDA's ScaledObject CRD exists: KEDA scales the model servers, to zero if asked. */
public final class KedaInstalled extends CrdInstalled<ScaledObject> {

  /** The CRD of KEDA's ScaledObjects. */
  public static final String CRD = "scaledobjects.keda.sh";

  /** Creates the condition; JOSDK instantiates one per dependent. */
  public KedaInstalled() {
    super(CRD);
  }
}
