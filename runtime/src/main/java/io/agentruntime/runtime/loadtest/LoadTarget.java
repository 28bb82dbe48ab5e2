package io.agentruntime.runtime.loadtest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * What every request of a load test sends.
 *
 * @param request the request, sent again and again (it carries {@code --timeout})
 * @param timeout how long one request may take before it counts as a timeout
 */
record LoadTarget(HttpRequest request, Duration timeout) {

  URI uri() {
    return request.uri();
  }

  String method() {
    return request.method();
  }
}
