package io.agentruntime.runtime.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Serves a route only at its exact path. The router would otherwise normalise {@code //dispatch},
 * {@code /dispatch/}, {@code /dispatch/.} or {@code /%64ispatch} to {@code /dispatch}, while the
 * mesh's authorization rules match paths as sent: a variant could reach the API past a rule written
 * for the canonical path. Every other spelling gets 404.
 */
final class CanonicalPaths implements Handler<RoutingContext> {

  /** One path segment naming a resource by id: nothing a decoder or normaliser would rewrite. */
  private static final Pattern ID_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Set<String> paths = Set.of();
  private final Set<String> idPrefixes = ConcurrentHashMap.newKeySet();

  /** Serves also {@code <prefix><id>}, an id being one plain segment (see {@link #ID_SEGMENT}). */
  void serveIdsUnder(String prefix) {
    idPrefixes.add(prefix);
  }

  /** From now on, serves only the exact paths of {@code router}'s routes. */
  void serveOnly(Router router) {
    paths =
        router.getRoutes().stream()
            .map(Route::getPath)
            .filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (paths.contains(ctx.request().path()) || isIdPath(ctx.request().path())) {
      ctx.next();
    } else {
      ctx.fail(404);
    }
  }

  private boolean isIdPath(String path) {
    for (String prefix : idPrefixes) {
      if (path.startsWith(prefix)
          && ID_SEGMENT.matcher(path.substring(prefix.length())).matches()) {
        return true;
      }
    }
    return false;
  }
}
