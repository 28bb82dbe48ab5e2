package io.agentruntime.runtime;

import io.agentruntime.runtime.http.ConnectionGuard;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One address the runtime listens on: the API or the management endpoints.
 *
 * @param name {@code api} or {@code management}, the {@code listener} label of its meters
 * @param host address to bind
 * @param port port to bind; 0 picks a free one, recorded in {@code boundPort}
 * @param routes its request handler, built once per server instance
 * @param guard its connection limit and request-head checks, shared by its server instances
 * @param boundPort the port it listens on once started
 */
record Listener(
    String name,
    String host,
    int port,
    Function<Vertx, Handler<HttpServerRequest>> routes,
    ConnectionGuard guard,
    AtomicInteger boundPort) {}
