package io.agentruntime.runtime.governance;

import java.util.Optional;

/**
 * The ids of one request as the audit trail records them.
 *
 * @param id the runtime's own id, unique per request: what answers, logs and backends carry
 * @param client the caller's {@code x-request-id} when it had the accepted form; kept beside ours
 *     for correlation, never instead of it, since a caller may send any id, including another
 *     request's
 */
public record RequestIds(String id, Optional<String> client) {}
