package io.agentruntime.runtime.identity;

import io.agentruntime.runtime.config.IdentityConfig;
import io.vertx.core.MultiMap;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the caller of a request: the principal header set by the mesh, or — in local mode only, for
 * development — {@code context.user_id} and {@code context.groups} from the body.
 */
public final class PrincipalResolver {

  /** Longest accepted principal id or group name. */
  static final int MAX_ID_LENGTH = 256;

  private final IdentityConfig config;

  public PrincipalResolver(IdentityConfig config) {
    this.config = config;
  }

  /**
   * The caller, or empty when the request names none (the caller answers 401).
   *
   * @throws IllegalArgumentException naming the header or field whose value is unusable
   */
  public Optional<Principal> resolve(MultiMap headers, Map<String, Object> context) {
    String header = headers.get(config.principalHeader());
    if (header != null && !header.isBlank()) {
      return Optional.of(
          new Principal(
              checked(header.trim(), config.principalHeader()),
              splitGroups(headers.get(config.groupsHeader()))));
    }
    if (config.localMode() && context.get("user_id") != null) {
      if (!(context.get("user_id") instanceof String userId) || userId.isBlank()) {
        throw new IllegalArgumentException("context.user_id must be a non-empty string");
      }
      return Optional.of(new Principal(checked(userId, "context.user_id"), contextGroups(context)));
    }
    return Optional.empty();
  }

  /** Describes where a principal is expected, for the 401 detail. */
  public String expectedSource() {
    return config.localMode()
        ? "header '" + config.principalHeader() + "' or context.user_id (local mode)"
        : "header '" + config.principalHeader() + "'";
  }

  private Set<String> splitGroups(String header) {
    if (header == null || header.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(header.split(","))
        .map(String::trim)
        .filter(group -> !group.isEmpty())
        .map(group -> checked(group, config.groupsHeader()))
        .collect(Collectors.toSet());
  }

  private static Set<String> contextGroups(Map<String, Object> context) {
    Object groups = context.get("groups");
    if (groups == null) {
      return Set.of();
    }
    if (!(groups instanceof List<?> list)) {
      throw new IllegalArgumentException("context.groups must be a list of strings");
    }
    Set<String> names = new HashSet<>();
    for (Object group : list) {
      if (!(group instanceof String name) || name.isBlank()) {
        throw new IllegalArgumentException("context.groups must be a list of non-empty strings");
      }
      names.add(checked(name, "context.groups"));
    }
    return names;
  }

  private static String checked(String value, String source) {
    if (value.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          source + " is longer than " + MAX_ID_LENGTH + " characters");
    }
    return value;
  }
}
