package io.agentruntime.operator.addon;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** KEDA's TriggerAuthentication (keda.sh/v1alpha1): how a trigger authenticates to its source. */
@Group("keda.sh")
@Version("v1alpha1")
@Kind("TriggerAuthentication")
@Plural("triggerauthentications")
public class TriggerAuthentication extends FreeFormResource implements Namespaced {}
