package io.agentruntime.runtime.identity;

import io.agentruntime.contract.config.IdentityConfig;
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
 *
 * <p>Groups come from a header only when {@code identity.groupsHeader} names one: a caller can send
 * any header it likes, and only a mesh that fills the header from the verified token (dropping the
 * client's value) makes it trustworthy. Without that key the header is ignored.
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
  public Optional<Principal> resolve(HeaderSource headers, Map<String, Object> context) {
    Optional<String> header = headers.single(config.principalHeader());
    if (header.isPresent() && !header.get().isBlank()) {
      Set<String> groups =
          config.groupsHeader().flatMap(headers::single).map(this::splitGroups).orElse(Set.of());
      return Optional.of(
          new Principal(checked(header.get().trim(), config.principalHeader()), groups));
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
    String name = config.groupsHeader().orElseThrow();
    return Arrays.stream(header.split(","))
        .map(String::trim)
        .filter(group -> !group.isEmpty())
        .map(group -> checked(group, name))
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
