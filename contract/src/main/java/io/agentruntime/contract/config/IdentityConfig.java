package io.agentruntime.contract.config;

import java.util.Optional;

/**
 * Where the caller's identity comes from (configuration {@code identity}).
 *
 * @param principalHeader header carrying the principal id, set by the mesh from a verified token
 * @param groupsHeader header carrying the principal's comma-separated groups; empty (the default)
 *     means groups never come from a header, since only a mesh that fills it from the verified
 *     token (and drops what the client sent) makes it trustworthy
 * @param localMode when the header is absent, take {@code context.user_id} and {@code
 *     context.groups} from the request body; for local development only
 * @param allowNonLoopbackLocalMode lets local mode serve on an address other hosts can reach, where
 *     any caller could name any principal; without it such a configuration is refused
 */
public record IdentityConfig(
    String principalHeader,
    Optional<String> groupsHeader,
    boolean localMode,
    boolean allowNonLoopbackLocalMode) {

  public static final String DEFAULT_PRINCIPAL_HEADER = "x-agent-principal";
}
