package io.agentruntime.runtime.identity;

import java.util.Optional;

/** The headers of one request, each read as a single, decoded value. */
@FunctionalInterface
public interface HeaderSource {

  /**
   * The value of header {@code name}, empty when the request does not carry it.
   *
   * @throws RuntimeException naming the header when its value is ambiguous or unreadable
   */
  Optional<String> single(String name);
}
