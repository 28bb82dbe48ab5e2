package io.agentruntime.runtime.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serves a route only at its exact path. The router would otherwise normalise {@code //dispatch},
 * {@code /dispatch/}, {@code /dispatch/.} or {@code /%64ispatch} to {@code /dispatch}, while the
 * mesh's authorization rules match paths as sent: a variant could reach the API past a rule written
 * for the canonical path. Every other spelling gets 404.
 */
final class CanonicalPaths implements Handler<RoutingContext> {

  private Set<String> paths = Set.of();

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
    if (paths.contains(ctx.request().path())) {
      ctx.next();
    } else {
      ctx.fail(404);
    }
  }
}
