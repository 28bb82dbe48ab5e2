package io.agentruntime.runtime.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bookkeeping behind {@link IdempotencyCache}: windows, quotas and who pays for overflow. */
class AnswerMemoryTest {

  private static final long WINDOW = 1_000;
  private static final byte[] DIGEST = {1};

  private final AtomicLong now = new AtomicLong();

  @Test
  void aKeyIsFreeAgainOnceItsWindowHasPassed() {
    AnswerMemory<String> memory = memory(10_000, 10_000);
    keep(memory, "ann", "k", 100);

    now.addAndGet(WINDOW - 1);
    assertThat(claim(memory, "ann", "k").first()).isFalse();
    now.addAndGet(1);
    assertThat(claim(memory, "ann", "k").first()).isTrue();
    assertThat(memory.bytes()).isZero();
  }

  @Test
  void aPendingRequestIsNeverDroppedWhateverTheOthersKeep() {
    AnswerMemory<String> memory = memory(2_000, 2_000);
    claim(memory, "ann", "running");

    for (int i = 0; i < 50; i++) {
      keep(memory, "mallory", "junk-" + i, 500);
    }

    assertThat(claim(memory, "ann", "running").first()).isFalse();
  }

  @Test
  void overflowIsPaidByThePrincipalHoldingTheMost() {
    AnswerMemory<String> memory = memory(4_000, 4_000);
    keep(memory, "ann", "mine", 500);
    for (int i = 0; i < 20; i++) {
      keep(memory, "mallory", "junk-" + i, 500);
    }

    assertThat(claim(memory, "ann", "mine").first()).isFalse();
    assertThat(claim(memory, "mallory", "junk-0").first()).isTrue();
    assertThat(memory.bytes()).isLessThanOrEqualTo(4_000);
  }

  @Test
  void aPrincipalOverItsQuotaLosesItsOwnOldestFirst() {
    AnswerMemory<String> memory = memory(100_000, 3_000);
    for (int i = 0; i < 10; i++) {
      keep(memory, "ann", "k-" + i, 500);
    }

    assertThat(claim(memory, "ann", "k-0").first()).isTrue();
    assertThat(claim(memory, "ann", "k-9").first()).isFalse();
    assertThat(memory.bytes()).isLessThanOrEqualTo(3_000);
  }

  private AnswerMemory<String> memory(long maxBytes, long perPrincipal) {
    return new AnswerMemory<>(maxBytes, perPrincipal, 1_000, WINDOW, now::get);
  }

  private static AnswerMemory.Claim<String> claim(
      AnswerMemory<String> memory, String principal, String key) {
    return memory.claim(principal, key, DIGEST, Future.succeededFuture("answer"));
  }

  private static void keep(AnswerMemory<String> memory, String principal, String key, long size) {
    AnswerMemory.Claim<String> claim = claim(memory, principal, key);
    assertThat(claim.first()).isTrue();
    memory.keep(claim.entry(), size);
  }
}
