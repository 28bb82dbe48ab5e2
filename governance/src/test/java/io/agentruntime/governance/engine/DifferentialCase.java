package io.agentruntime.governance.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One policy set and one request, as the regression corpus stores them (JSON, the context exactly
 * as the runtime's parser would hand it over).
 *
 * @param note what the case once showed
 * @param policies the policies
 * @param request the request
 */
record DifferentialCase(String note, List<PolicyDocument> policies, DecisionRequest request) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  String toJson() {
    List<Map<String, Object>> policyList = new ArrayList<>();
    for (PolicyDocument policy : policies) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", policy.id());
      entry.put("mode", policy.mode().name());
      entry.put("cedar", policy.cedar());
      policyList.add(entry);
    }
    Map<String, Object> requestMap = new LinkedHashMap<>();
    requestMap.put("principal", request.principal());
    requestMap.put("groups", request.groups());
    requestMap.put("action", request.action());
    requestMap.put("resource", request.resource());
    requestMap.put("context", request.context());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("note", note);
    root.put("policies", policyList);
    root.put("request", requestMap);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static DifferentialCase fromJson(String json) throws JsonProcessingException {
    Map<String, Object> root = JSON.readValue(json, Map.class);
    List<PolicyDocument> policies = new ArrayList<>();
    for (Map<String, Object> entry : (List<Map<String, Object>>) root.get("policies")) {
      policies.add(
          new PolicyDocument(
              (String) entry.get("id"),
              (String) entry.get("cedar"),
              EnforcementMode.valueOf((String) entry.get("mode")),
              "corpus"));
    }
    Map<String, Object> request = (Map<String, Object>) root.get("request");
    Set<String> groups = new LinkedHashSet<>((List<String>) request.get("groups"));
    return new DifferentialCase(
        (String) root.get("note"),
        policies,
        new DecisionRequest(
            (String) request.get("principal"),
            groups,
            (String) request.get("action"),
            (String) request.get("resource"),
            (Map<String, Object>) request.get("context")));
  }
}
