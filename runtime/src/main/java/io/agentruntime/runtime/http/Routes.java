package io.agentruntime.runtime.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The routes of one listener: each a method, a path and the handlers that serve it in turn. A route
 * is served only at its exact path, as sent: a web router would normalise {@code //dispatch},
 * {@code /dispatch/}, {@code /dispatch/.} or {@code /%64ispatch} to {@code /dispatch}, while the
 * mesh's authorization rules match paths as sent, so a variant could reach the API past a rule
 * written for the canonical path. Every other spelling gets 404, a known path with another method
 * 405 naming the allowed ones. A path segment {@code :name} matches a plain token only ({@value
 * #PARAMETER}): no dot, percent sign or slash that anything downstream could rewrite.
 *
 * <p>Built once per event loop, it looks an exact path up in a hash map: the only work between a
 * request's head and its first handler.
 */
public final class Routes implements Handler<HttpServerRequest> {

  private static final String PARAMETER = "[A-Za-z0-9_-]{1,128}";
  private static final Pattern NAMED_SEGMENT = Pattern.compile(":([A-Za-z]+)");

  /** The handlers of one path, by method. */
  private record PathRoutes(String path, Map<HttpMethod, List<Handler<ServerExchange>>> methods) {
    String allowed() {
      return methods.keySet().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
    }
  }

  /** A path with {@code :name} segments, and the names in the order of the pattern's groups. */
  private record Template(Pattern pattern, List<String> names, PathRoutes routes) {}

  /** The routes of a request's path, and the values its {@code :name} segments took. */
  private record Match(PathRoutes routes, Map<String, String> params) {}

  private final Vertx vertx;
  private final Map<String, PathRoutes> declared = new HashMap<>();
  private final Map<String, PathRoutes> exact = new HashMap<>();
  private final List<Template> templates = new ArrayList<>();

  public Routes(Vertx vertx) {
    this.vertx = vertx;
  }

  @SafeVarargs
  public final Routes get(String path, Handler<ServerExchange>... handlers) {
    return add(HttpMethod.GET, path, handlers);
  }

  @SafeVarargs
  public final Routes post(String path, Handler<ServerExchange>... handlers) {
    return add(HttpMethod.POST, path, handlers);
  }

  @SafeVarargs
  public final Routes delete(String path, Handler<ServerExchange>... handlers) {
    return add(HttpMethod.DELETE, path, handlers);
  }

  private Routes add(HttpMethod method, String path, Handler<ServerExchange>[] handlers) {
    PathRoutes routes = declared.computeIfAbsent(path, this::newPath);
    if (routes.methods().putIfAbsent(method, List.of(handlers)) != null) {
      throw new IllegalStateException(method + " " + path + " is routed twice");
    }
    return this;
  }

  private PathRoutes newPath(String path) {
    PathRoutes routes = new PathRoutes(path, new LinkedHashMap<>());
    if (path.contains(":")) {
      templates.add(template(routes));
    } else {
      exact.put(path, routes);
    }
    return routes;
  }

  private static Template template(PathRoutes routes) {
    List<String> names = new ArrayList<>();
    String regex =
        Arrays.stream(routes.path().split("/", -1))
            .map(
                segment -> {
                  Matcher named = NAMED_SEGMENT.matcher(segment);
                  if (named.matches()) {
                    names.add(named.group(1));
                    return "(" + PARAMETER + ")";
                  }
                  return Pattern.quote(segment);
                })
            .collect(Collectors.joining("/"));
    return new Template(Pattern.compile(regex), List.copyOf(names), routes);
  }

  @Override
  public void handle(HttpServerRequest request) {
    String path = request.path();
    if (path == null || !path.startsWith("/")) {
      refuse(request, ProblemType.INVALID_REQUEST, "the request target must be an absolute path");
      return;
    }
    if (request.version() != HttpVersion.HTTP_1_0 && request.authority() == null) {
      refuse(request, ProblemType.INVALID_REQUEST, "the request has no valid Host");
      return;
    }
    Optional<Match> match = match(path);
    if (match.isEmpty()) {
      refuse(request, ProblemType.NOT_FOUND, "no route for " + abbreviated(path));
      return;
    }
    PathRoutes routes = match.get().routes();
    List<Handler<ServerExchange>> handlers = routes.methods().get(request.method());
    if (handlers == null) {
      request.response().putHeader("allow", routes.allowed());
      refuse(
          request,
          ProblemType.METHOD_NOT_ALLOWED,
          request.method() + " is not allowed on " + abbreviated(path));
      return;
    }
    new ServerExchange(vertx, request, routes.path(), handlers, match.get().params()).next();
  }

  private Optional<Match> match(String path) {
    PathRoutes routes = exact.get(path);
    if (routes != null) {
      return Optional.of(new Match(routes, Map.of()));
    }
    for (Template template : templates) {
      Matcher matcher = template.pattern().matcher(path);
      if (matcher.matches()) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.names().size(); i++) {
          params.put(template.names().get(i), matcher.group(i + 1));
        }
        return Optional.of(new Match(template.routes(), params));
      }
    }
    return Optional.empty();
  }

  private static void refuse(HttpServerRequest request, ProblemType type, String detail) {
    String requestId = RequestContext.requestIds(request).id();
    ReplyWriter.send(
        request,
        requestId,
        Problems.reply(new ProblemException(type, detail), requestId, request.path()),
        false);
  }

  private static String abbreviated(String path) {
    return path.length() <= 100 ? path : path.substring(0, 100) + "...";
  }
}
