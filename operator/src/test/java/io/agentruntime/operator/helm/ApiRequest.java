package io.agentruntime.operator.helm;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * A request to the Kubernetes API as RBAC sees it: the verb, the API group, the resource and
 * subresource, the namespace (null for a cluster-scoped object or a request across every namespace)
 * and the object's name. Requests that name no resource ({@code /version}, discovery) carry their
 * path instead.
 *
 * @param verb {@code get, list, watch, create, update, patch, delete, deletecollection}, or the
 *     HTTP method in lower case for a non-resource request
 * @param group the API group, {@code ""} for the core group
 * @param resource the resource, e.g. {@code deployments}; null for a non-resource request
 * @param subresource e.g. {@code status}; null when none
 * @param namespace the namespace; null when cluster-scoped or across every namespace
 * @param name the object's name; null for a collection
 * @param path the request's path without the query, for non-resource requests and messages
 */
public record ApiRequest(
    String verb,
    String group,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path) {

  /**
   * Parses an HTTP request of a Kubernetes client as the API server's request-info resolver does.
   */
  public static ApiRequest of(String method, String pathAndQuery) {
    var uri = URI.create(pathAndQuery);
    var path = uri.getPath();
    var query = Objects.requireNonNullElse(uri.getQuery(), "");
    var parts =
        Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toArray(String[]::new);
    int rest;
    String group;
    if (parts.length >= 3 && parts[0].equals("api")) {
      group = "";
      rest = 2;
    } else if (parts.length >= 4 && parts[0].equals("apis")) {
      group = parts[1];
      rest = 3;
    } else {
      return new ApiRequest(method.toLowerCase(), null, null, null, null, null, path);
    }
    String namespace = null;
    if (parts[rest].equals("namespaces") && parts.length > rest + 2) {
      namespace = parts[rest + 1];
      rest += 2;
    }
    var resource = parts[rest];
    var name = parts.length > rest + 1 ? parts[rest + 1] : null;
    var subresource = parts.length > rest + 2 ? parts[rest + 2] : null;
    var verb = verb(method, name != null, query.contains("watch=true"));
    return new ApiRequest(verb, group, resource, subresource, namespace, name, path);
  }

  private static String verb(String method, boolean named, boolean watch) {
    return switch (method) {
      case "GET" -> watch ? "watch" : named ? "get" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> method.toLowerCase();
    };
  }

  /** Whether the request names a resource (rather than a path such as {@code /version}). */
  public boolean isResourceRequest() {
    return resource != null;
  }

  /** {@code resource} or {@code resource/subresource}, as RBAC rules name it. */
  public String resourceWithSubresource() {
    return subresource == null ? resource : resource + "/" + subresource;
  }

  /** E.g. {@code patch coordination.k8s.io/leases in agent-runtime-system}. */
  @Override
  public String toString() {
    if (!isResourceRequest()) {
      return verb + " " + path;
    }
    return verb
        + " "
        + (group.isEmpty() ? "core" : group)
        + "/"
        + resourceWithSubresource()
        + (namespace == null ? " (cluster-wide)" : " in " + namespace);
  }
}
