package io.agentruntime.runtime.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Serves a route only at its exact path. The router would otherwise normalise {@code //dispatch},
 * {@code /dispatch/}, {@code /dispatch/.} or {@code /%64ispatch} to {@code /dispatch}, while the
 * mesh's authorization rules match paths as sent: a variant could reach the API past a rule written
 * for the canonical path. Every other spelling gets 404. A route with a parameter ({@code
 * /v1/mcp/sessions/:id}) matches only paths whose parameter segment is a plain token.
 */
final class CanonicalPaths implements Handler<RoutingContext> {

  /** What a path parameter may be: no dot, percent sign or slash that a router would rewrite. */
  private static final String PARAMETER = "[A-Za-z0-9_-]{1,128}";

  private Set<String> paths = Set.of();
  private List<Pattern> templates = List.of();

  /** From now on, serves only the exact paths of {@code router}'s routes. */
  void serveOnly(Router router) {
    List<String> declared =
        router.getRoutes().stream().map(Route::getPath).filter(Objects::nonNull).toList();
    paths =
        declared.stream()
            .filter(path -> !path.contains(":"))
            .collect(Collectors.toUnmodifiableSet());
    templates =
        declared.stream().filter(path -> path.contains(":")).map(CanonicalPaths::template).toList();
  }

  private static Pattern template(String path) {
    return Pattern.compile(
        Arrays.stream(path.split("/", -1))
            .map(segment -> segment.startsWith(":") ? PARAMETER : Pattern.quote(segment))
            .collect(Collectors.joining("/")));
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (paths.contains(path)
        || templates.stream().anyMatch(template -> template.matcher(path).matches())) {
      ctx.next();
    } else {
      ctx.fail(404);
    }
  }
}
