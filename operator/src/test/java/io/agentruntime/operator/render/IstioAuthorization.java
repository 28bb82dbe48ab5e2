package io.agentruntime.operator.render;

import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import java.util.List;
import java.util.function.Predicate;

/**
 * Istio's authorization decision for one request to a workload, as its documentation states it: a
 * request matched by any DENY rule is denied; otherwise, where ALLOW policies select the workload,
 * it is allowed only when one of their rules matches; otherwise it is allowed. A rule matches when
 * one of its {@code from} sources and one of its {@code to} operations match (an absent list
 * matches anything); within a source or an operation every field set must match. Values match
 * exactly, by prefix ({@code abc*}), by suffix ({@code *abc}), or any non-empty value ({@code *}).
 *
 * <p>Paths are matched as the request carries them, without the mesh's normalization, so a test
 * shows what holds even where {@code pathNormalization} is left at Istio's default. A rule using a
 * field this evaluator does not know fails the test instead of being misread.
 */
final class IstioAuthorization {

  /**
   * A request as the workload's sidecar sees it.
   *
   * @param port the destination (container) port
   * @param principal the peer's mTLS identity; empty for plain text
   * @param requestPrincipal {@code <iss>/<sub>} of a verified JWT; empty without one
   */
  record Request(int port, String method, String path, String principal, String requestPrincipal) {

    static Request of(int port, String method, String path) {
      return new Request(port, method, path, "", "");
    }

    Request from(String peer) {
      return new Request(port, method, path, peer, requestPrincipal);
    }

    Request withToken(String tokenPrincipal) {
      return new Request(port, method, path, principal, tokenPrincipal);
    }
  }

  private IstioAuthorization() {}

  /** Whether {@code policies}, all selecting the workload, let {@code request} through. */
  static boolean allows(List<AuthorizationPolicy> policies, Request request) {
    if (policies.stream()
        .filter(policy -> policy.getSpec().getAction() == AuthorizationPolicyAction.DENY)
        .anyMatch(policy -> matches(policy, request))) {
      return false;
    }
    List<AuthorizationPolicy> allow =
        policies.stream()
            .filter(policy -> policy.getSpec().getAction() == AuthorizationPolicyAction.ALLOW)
            .toList();
    return allow.isEmpty() || allow.stream().anyMatch(policy -> matches(policy, request));
  }

  private static boolean matches(AuthorizationPolicy policy, Request request) {
    return policy.getSpec().getRules().stream().anyMatch(rule -> matches(rule, request));
  }

  private static boolean matches(Rule rule, Request request) {
    if (!rule.getWhen().isEmpty()) {
      throw new IllegalArgumentException("conditions (when) are not evaluated here: " + rule);
    }
    boolean from =
        rule.getFrom().isEmpty()
            || rule.getFrom().stream().anyMatch(f -> matches(f.getSource(), request));
    boolean to =
        rule.getTo().isEmpty()
            || rule.getTo().stream().anyMatch(t -> matches(t.getOperation(), request));
    return from && to;
  }

  private static boolean matches(Source source, Request request) {
    if (!List.of(
            source.getNamespaces(),
            source.getNotNamespaces(),
            source.getIpBlocks(),
            source.getNotIpBlocks(),
            source.getRemoteIpBlocks(),
            source.getNotRemoteIpBlocks(),
            source.getServiceAccounts(),
            source.getNotServiceAccounts())
        .stream()
        .allMatch(List::isEmpty)) {
      throw new IllegalArgumentException("source fields not evaluated here: " + source);
    }
    return anyOf(source.getPrincipals(), request.principal())
        && noneOf(source.getNotPrincipals(), request.principal())
        && anyOf(source.getRequestPrincipals(), request.requestPrincipal())
        && noneOf(source.getNotRequestPrincipals(), request.requestPrincipal());
  }

  private static boolean matches(Operation operation, Request request) {
    if (!operation.getHosts().isEmpty() || !operation.getNotHosts().isEmpty()) {
      throw new IllegalArgumentException("hosts are not evaluated here: " + operation);
    }
    String port = Integer.toString(request.port());
    return anyOf(operation.getPorts(), port)
        && noneOf(operation.getNotPorts(), port)
        && anyOf(operation.getMethods(), request.method())
        && noneOf(operation.getNotMethods(), request.method())
        && anyOf(operation.getPaths(), request.path())
        && noneOf(operation.getNotPaths(), request.path());
  }

  /** An unset (empty) list matches anything; a set one needs a matching value. */
  private static boolean anyOf(List<String> patterns, String value) {
    return patterns.isEmpty() || patterns.stream().anyMatch(matching(value));
  }

  private static boolean noneOf(List<String> patterns, String value) {
    return patterns.stream().noneMatch(matching(value));
  }

  private static Predicate<String> matching(String value) {
    return pattern -> {
      if (value.isEmpty()) {
        return false;
      }
      if (pattern.equals("*")) {
        return true;
      }
      if (pattern.endsWith("*")) {
        return value.startsWith(pattern.substring(0, pattern.length() - 1));
      }
      if (pattern.startsWith("*")) {
        return value.endsWith(pattern.substring(1));
      }
      return pattern.equals(value);
    };
  }
}
