package io.agentruntime.runtime.testing;

import io.agentruntime.runtime.testing.LoopbackServer.Responder;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** The ways a {@link LoopbackServer} answers. */
public final class Responders {

  private Responders() {}

  /** Answers every request at once with {@code status} and {@code body} as JSON. */
  public static Responder answering(int status, String body) {
    return (request, arrival) ->
        request
            .response()
            .setStatusCode(status)
            .putHeader("content-type", "application/json")
            .end(body);
  }

  /** Answers 200 with {@code body}. */
  public static Responder answering(JsonObject body) {
    return answering(200, body.encode());
  }

  /** Answers 200 with {@code {"ok": true}}. */
  public static Responder ok() {
    return answering(new JsonObject().put("ok", true));
  }

  /** Answers 200 with {@code {"call": n}}, n counting from 1 in order of arrival. */
  public static Responder numbering() {
    return (request, arrival) ->
        answering(new JsonObject().put("call", arrival + 1)).respond(request, arrival);
  }

  /** Never answers: the request stays open until the client gives up. */
  public static Responder hanging() {
    return (request, arrival) -> {};
  }

  /** Lets {@code then} answer after {@code delay}. */
  public static Responder after(Duration delay, Responder then) {
    return cycling(List.of(delay), then);
  }

  /** Lets {@code then} answer the n-th request after {@code delays[n % delays.size()]}. */
  public static Responder cycling(List<Duration> delays, Responder then) {
    return (request, arrival) -> {
      Duration delay = delays.get((int) (arrival % delays.size()));
      vertx().setTimer(Math.max(1, delay.toMillis()), id -> then.respond(request, arrival));
    };
  }

  /**
   * Alternates by arrival: the first request gets a 500 at once, the second is never answered (it
   * hangs until the caller gives up and closes the connection), and so on.
   */
  public static Responder flaky() {
    return (request, arrival) -> {
      if (arrival % 2 == 0) {
        answering(500, "{\"error\":\"flaky\"}").respond(request, arrival);
      }
    };
  }

  /** Closes each connection after answering on it, as some proxies do. */
  public static Responder closingConnections(Responder then) {
    return (request, arrival) -> {
      request.response().putHeader("connection", "close");
      then.respond(request, arrival);
    };
  }

  private static Vertx vertx() {
    return Vertx.currentContext().owner();
  }

  /**
   * Holds every request until {@link #release()}, then lets {@code then} answer them and every
   * later one at once.
   */
  public static final class Gate {
    private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean open = new AtomicBoolean();

    public Responder holding(Responder then) {
      return (request, arrival) -> {
        // answered on the request's own event loop, whichever thread releases the gate
        Context loop = Vertx.currentContext();
        Runnable answer = () -> loop.runOnContext(ignored -> then.respond(request, arrival));
        if (open.get()) {
          answer.run();
          return;
        }
        held.add(answer);
        if (open.get()) {
          releaseHeld();
        }
      };
    }

    /** Answers the held requests, and from now on every request at once. */
    public void release() {
      open.set(true);
      releaseHeld();
    }

    private void releaseHeld() {
      Runnable answer;
      while ((answer = held.poll()) != null) {
        answer.run();
      }
    }
  }
}
