{{/* The chart's name, at most 63 characters. */}}
{{- define "agent-runtime-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the prefix of every object's name. */}}
{{- define "agent-runtime-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "agent-runtime-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object of the release. */}}
{{- define "agent-runtime-operator.labels" -}}
helm.sh/chart: {{ include "agent-runtime-operator.chart" . }}
{{ include "agent-runtime-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: agent-runtime
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The labels that select the operator's pods; never change them, Deployments cannot. */}}
{{- define "agent-runtime-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "agent-runtime-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "agent-runtime-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "agent-runtime-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "agent-runtime-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The metrics Service exists on request and whenever a ServiceMonitor needs it. */}}
{{- define "agent-runtime-operator.metricsService" -}}
{{- if or .Values.metrics.service.enabled .Values.metrics.serviceMonitor.enabled }}true{{ end }}
{{- end }}

{{/*
The operator's rules on namespaced objects: granted in every namespace by the ClusterRole, or in
each of .Values.watchNamespaces by a Role there. Exactly the requests the operator sends (a test
records them against the mock API server): Server-Side Apply sends creations and updates as patch
(a patch that creates also needs create), ConfigMaps are created and updated without it (JOSDK
leaves ConfigMaps out of Server-Side Apply); informers list and watch; nothing else is read.
*/}}
{{- define "agent-runtime-operator.namespacedRules" -}}
{{- $apply := list "list" "watch" "create" "patch" }}
{{- $applyAndDelete := list "list" "watch" "create" "patch" "delete" }}
# The resources it reconciles; patch: finalizers and, with Server-Side Apply, the status.
- apiGroups: ["agentruntime.io"]
  resources: ["agentruntimes", "governancepolicies"]
  # get: JOSDK reads a resource again when a finalizer patch conflicts.
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["agentruntime.io"]
  resources: ["agentruntimes/status", "governancepolicies/status"]
  verbs: ["patch"]
# What every AgentRuntime has; never deleted by the operator (they go with their owner).
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: {{ toJson $apply }}
# get: an unlabelled ConfigMap of the same name is read before it is adopted.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch", "create", "update"]
# Deleted when the spec stops asking for them (inference pool, workers, mesh, monitoring).
- apiGroups: [""]
  resources: ["serviceaccounts", "services", "persistentvolumeclaims"]
  verbs: {{ toJson $applyAndDelete }}
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: {{ toJson $applyAndDelete }}
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: {{ toJson $applyAndDelete }}
# get: the HPA KEDA made, which must be gone before the operator's own takes over.
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["networking.istio.io"]
  resources: ["destinationrules", "virtualservices"]
  verbs: {{ toJson $applyAndDelete }}
- apiGroups: ["security.istio.io"]
  resources: ["peerauthentications", "requestauthentications", "authorizationpolicies"]
  verbs: {{ toJson $applyAndDelete }}
- apiGroups: ["keda.sh"]
  resources: ["scaledobjects", "triggerauthentications"]
  verbs: {{ toJson $applyAndDelete }}
- apiGroups: ["monitoring.coreos.com"]
  resources: ["servicemonitors", "prometheusrules"]
  verbs: {{ toJson $applyAndDelete }}
# Warning Events on the resources: invalid specs, adopted objects.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end }}

{{/* The operator's rules on cluster-scoped objects, granted by the ClusterRole in any case. */}}
{{- define "agent-runtime-operator.clusterRules" -}}
# GPU NodePools are cluster-scoped; get: whether one is gone before a finalizer is removed.
- apiGroups: ["karpenter.sh"]
  resources: ["nodepools"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# Which of Istio, Karpenter, KEDA and prometheus-operator are installed.
- apiGroups: ["apiextensions.k8s.io"]
  resources: ["customresourcedefinitions"]
  verbs: ["get"]
{{- end }}
