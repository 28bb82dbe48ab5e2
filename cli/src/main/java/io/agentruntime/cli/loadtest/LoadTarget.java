package io.agentruntime.cli.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every request of a load test sends.
 *
 * @param uri where to send it
 * @param method the HTTP method
 * @param body the request body, possibly empty
 * @param headers request headers, in order
 * @param timeout how long one request may take before it counts as a timeout
 * @param api the API called, which says how a streamed answer reads
 * @param streamed whether answers are read as streams, piece by piece
 */
record LoadTarget(
    URI uri,
    String method,
    byte[] body,
    List<Map.Entry<String, String>> headers,
    Duration timeout,
    TargetApi api,
    boolean streamed) {

  LoadTarget {
    headers = List.copyOf(headers);
  }
}
