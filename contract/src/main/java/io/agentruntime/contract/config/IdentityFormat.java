package io.agentruntime.contract.config;

import java.util.Optional;

/** Reads and writes {@code identity}: where the caller's principal and groups come from. */
final class IdentityFormat {

  private static final String PRINCIPAL_HEADER = "principalHeader";
  private static final String GROUPS_HEADER = "groupsHeader";
  private static final String LOCAL_MODE = "localMode";
  private static final String ALLOW_NON_LOOPBACK_LOCAL_MODE = "allowNonLoopbackLocalMode";

  private IdentityFormat() {}

  static IdentityConfig read(ConfigNode node) throws ConfigException {
    IdentityConfig identity =
        new IdentityConfig(
            node.string(PRINCIPAL_HEADER, IdentityConfig.DEFAULT_PRINCIPAL_HEADER),
            node.has(GROUPS_HEADER)
                ? Optional.of(node.string(GROUPS_HEADER, null))
                : Optional.empty(),
            node.bool(LOCAL_MODE, false),
            node.bool(ALLOW_NON_LOOPBACK_LOCAL_MODE, false));
    node.rejectUnknownKeys();
    return identity;
  }

  /** Whether the body may name its caller is written even when it may not. */
  static MappingWriter write(IdentityConfig identity) {
    MappingWriter out =
        new MappingWriter()
            .putUnlessDefault(
                PRINCIPAL_HEADER,
                identity.principalHeader(),
                IdentityConfig.DEFAULT_PRINCIPAL_HEADER);
    identity.groupsHeader().ifPresent(header -> out.put(GROUPS_HEADER, header));
    return out.put(LOCAL_MODE, identity.localMode())
        .putUnlessDefault(
            ALLOW_NON_LOOPBACK_LOCAL_MODE, identity.allowNonLoopbackLocalMode(), false);
  }

  /**
   * Local mode trusts the body to name its caller: refused on an address other hosts can reach,
   * unless the configuration says so in as many words.
   */
  static void checkLocalModeBinding(ServerConfig server, IdentityConfig identity)
      throws ConfigException {
    if (identity.localMode()
        && !identity.allowNonLoopbackLocalMode()
        && !server.bindsLoopbackOnly()) {
      throw new ConfigException(
          "identity.localMode: true lets any caller choose its principal with context.user_id,"
              + " but server.host '"
              + server.host()
              + "' is not a loopback address; listen on 127.0.0.1, or set"
              + " identity.allowNonLoopbackLocalMode: true to accept that risk");
    }
  }
}
