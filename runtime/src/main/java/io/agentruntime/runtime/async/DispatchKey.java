package io.agentruntime.runtime.async;

import java.util.regex.Pattern;

/**
 * A dispatch's identity: the runtime that accepted it ({@code <namespace>/<name>}) and its id.
 *
 * @param runtime the runtime's {@code <namespace>/<name>}
 * @param id the dispatch's id, as in {@code /v1/dispatches/{id}}
 */
public record DispatchKey(String runtime, String id) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Whether {@code id} could be a dispatch id at all: anything else is not looked up. */
  public static boolean plausibleId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The partition of the dispatch's items in the governance table. */
  public String partitionKey() {
    return "DISPATCH#" + runtime + "#" + id;
  }
}
