package io.agentruntime.runtime.config;

/**
 * Where the caller's identity comes from (configuration {@code identity}).
 *
 * @param principalHeader header carrying the principal id, set by the mesh
 * @param groupsHeader header carrying the principal's comma-separated groups
 * @param localMode when the header is absent, take {@code context.user_id} and {@code
 *     context.groups} from the request body; for local development only
 */
public record IdentityConfig(String principalHeader, String groupsHeader, boolean localMode) {}
