package io.agentruntime.governance.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks decisions of the JVM evaluator against cedar-java off the request path ({@code
 * governance.evaluator: shadow}).
 *
 * <p>Decisions are handed over through a bounded queue that never blocks the caller: when
 * cedar-java cannot keep up (it costs tens of microseconds where the JVM evaluator costs one),
 * decisions are dropped from the check and counted, never delayed.
 */
final class ShadowCheck implements AutoCloseable {
  static final int QUEUE_CAPACITY = 4_096;
  private static final Logger LOG = LoggerFactory.getLogger(ShadowCheck.class);

  private record Job(CompiledPolicySet set, DecisionRequest request, Outcome decided) {}

  private final BlockingQueue<Job> queue;
  private final CedarEvaluator cedar;
  private final EvaluatorListener listener;
  private final Thread worker;

  ShadowCheck(CedarEvaluator cedar, EvaluatorListener listener, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.cedar = cedar;
    this.listener = listener;
    this.worker = Thread.ofPlatform().name("governance-shadow").daemon().unstarted(this::run);
    worker.start();
  }

  /** Queues {@code decided} for checking; never blocks. */
  void submit(CompiledPolicySet set, DecisionRequest request, Outcome decided) {
    if (!queue.offer(new Job(set, request, decided))) {
      listener.shadowCheckDropped();
    }
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Job job = queue.take();
        check(job.set(), job.request(), job.decided());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Decides {@code request} with cedar-java and reports a disagreement with {@code decided}. */
  void check(CompiledPolicySet set, DecisionRequest request, Outcome decided) {
    Outcome oracle;
    try {
      oracle = cedar.decide(set.forAction(request.action()), request);
    } catch (RuntimeException e) {
      oracle = Outcome.error("cedar-java failed: " + e);
    }
    listener.shadowChecked();
    if (!decided.agreesWith(oracle)) {
      listener.disagreement();
      LOG.warn(
          "Evaluators disagree (policy set version {}, principal '{}', action '{}'): the JVM"
              + " evaluator decided {} {} with failures {}, cedar-java {} {} with failures {}",
          set.version(),
          request.principal(),
          request.action(),
          decided.effect().displayName(),
          decided.policies(),
          decided.failedPolicies(),
          oracle.effect().displayName(),
          oracle.policies(),
          oracle.failedPolicies());
    }
  }

  @Override
  public void close() {
    worker.interrupt();
  }
}
