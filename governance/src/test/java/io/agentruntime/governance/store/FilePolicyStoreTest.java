package io.agentruntime.governance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePolicyStoreTest {
  @TempDir Path dir;

  @Test
  void policiesAreNamedByAnnotationStemOrStemAndPosition() throws Exception {
    write("single.cedar", "permit(principal, action, resource);");
    write(
        "multi.cedar",
        """
        // first; with a semicolon in a comment
        permit(principal, action == Action::"a;b", resource);

        @id("named-forbid")
        forbid(principal == User::"mallory", action, resource);

        permit(principal in Group::"admins", action, resource);
        """);
    write("notes.txt", "not a policy");
    Files.createDirectory(dir.resolve("nested.cedar"));

    PolicySetSnapshot snapshot = new FilePolicyStore(dir).load();

    assertThat(snapshot.policies())
        .extracting(PolicyDocument::id)
        .containsExactly("multi.1", "named-forbid", "multi.3", "single");
    assertThat(snapshot.policies().get(1).cedar()).contains("User::\"mallory\"");
    assertThat(snapshot.policies().get(3).source()).endsWith("single.cedar");
    assertThat(snapshot.version()).isEqualTo(1);
  }

  @Test
  void modeAnnotationMakesAPolicyAuditOnly() throws Exception {
    write(
        "modes.cedar",
        """
        @mode("audit") forbid(principal, action, resource) when { context.night };
        @mode("Enforce") permit(principal, action, resource);
        permit(principal, action == Action::"x", resource);
        """);

    PolicySetSnapshot snapshot = new FilePolicyStore(dir).load();

    assertThat(snapshot.policies())
        .extracting(PolicyDocument::mode)
        .containsExactly(EnforcementMode.AUDIT, EnforcementMode.ENFORCE, EnforcementMode.ENFORCE);
  }

  @Test
  void anInvalidModeNamesTheFileAndValue() throws Exception {
    write("bad-mode.cedar", "@mode(\"Sometimes\") permit(principal, action, resource);");

    assertThatThrownBy(() -> new FilePolicyStore(dir).load())
        .isInstanceOf(PolicyStoreException.class)
        .hasMessageContaining("bad-mode.cedar")
        .hasMessageContaining("'Sometimes'");
  }

  @Test
  void rateLimitAnnotationLimitsAPolicy() throws Exception {
    write(
        "limits.cedar",
        """
        @id("per-caller") @rateLimit("600/1m") permit(principal, action, resource);
        @id("shared") @rateLimit("20/1s per runtime") permit(principal, action, resource);
        @id("unlimited") permit(principal, action, resource);
        """);

    assertThat(new FilePolicyStore(dir).load().policies())
        .extracting(PolicyDocument::id, PolicyDocument::rateLimit)
        .containsExactly(
            tuple(
                "per-caller",
                Optional.of(new RateLimit(600, Duration.ofMinutes(1), RateLimit.Key.PRINCIPAL))),
            tuple(
                "shared",
                Optional.of(new RateLimit(20, Duration.ofSeconds(1), RateLimit.Key.RUNTIME))),
            tuple("unlimited", Optional.empty()));
  }

  @Test
  void anInvalidRateLimitNamesTheFileAndValue() throws Exception {
    write("bad-limit.cedar", "@rateLimit(\"600 a minute\") permit(principal, action, resource);");

    assertThatThrownBy(() -> new FilePolicyStore(dir).load())
        .isInstanceOf(PolicyStoreException.class)
        .hasMessageContaining("bad-limit.cedar")
        .hasMessageContaining("@rateLimit")
        .hasMessageContaining("'600 a minute'");
  }

  @Test
  void budgetAnnotationsBudgetAPolicy() throws Exception {
    write(
        "budgets.cedar",
        """
        @id("metered") @tokenBudget("200000/1d") @costBudget("50 USD/1mo per runtime")
        permit(principal, action, resource);
        """);

    PolicyLimits limits = new FilePolicyStore(dir).load().policies().getFirst().limits();

    assertThat(limits.tokenBudget()).contains(Budget.parseTokens("200000/1d per principal"));
    assertThat(limits.costBudget()).contains(Budget.parseCost("50 USD/1mo per runtime"));
    assertThat(limits.rateLimit()).isEmpty();
  }

  @Test
  void anInvalidBudgetNamesTheFileAndAnnotation() throws Exception {
    write("bad-budget.cedar", "@costBudget(\"50 EUR/1mo\") permit(principal, action, resource);");

    assertThatThrownBy(() -> new FilePolicyStore(dir).load())
        .isInstanceOf(PolicyStoreException.class)
        .hasMessageContaining("bad-budget.cedar")
        .hasMessageContaining("@costBudget")
        .hasMessageContaining("'50 EUR/1mo'");
  }

  @Test
  void duplicateIdsAcrossFilesNameBothFiles() throws Exception {
    write("a.cedar", "@id(\"shared\") permit(principal, action, resource);");
    write("b.cedar", "@id(\"shared\") forbid(principal, action, resource);");

    assertThatThrownBy(() -> new FilePolicyStore(dir).load())
        .isInstanceOf(PolicyStoreException.class)
        .hasMessageContaining("'shared'")
        .hasMessageContaining("a.cedar")
        .hasMessageContaining("b.cedar");
  }

  @Test
  void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
    write(
        "broken.cedar",
        """
        permit(principal, action == Action::"a;b", resource);
        // the next policy is missing its condition's right-hand side; see below
        permit(principal, action, resource)
          when { context.tier == };
        """);

    assertThatThrownBy(() -> new FilePolicyStore(dir).load())
        .isInstanceOf(PolicyStoreException.class)
        .hasMessageContaining("broken.cedar")
        .hasMessageContaining("line 4, column 26")
        .hasMessageContaining("unexpected token");
  }

  @Test
  void aMissingDirectoryNamesThePath() {
    Path missing = dir.resolve("nowhere");

    assertThatThrownBy(() -> new FilePolicyStore(missing).currentVersion())
        .isInstanceOf(PolicyStoreException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void theVersionMovesByOneOnEachChangeOnly() throws Exception {
    write("p.cedar", "permit(principal, action, resource);");
    FilePolicyStore store = new FilePolicyStore(dir);

    assertThat(store.currentVersion()).isEqualTo(1);
    assertThat(store.currentVersion()).isEqualTo(1);

    write("p.cedar", "forbid(principal, action, resource);");
    assertThat(store.currentVersion()).isEqualTo(2);

    write("q.cedar", "permit(principal, action, resource);");
    assertThat(store.load().version()).isEqualTo(3);
    assertThat(store.currentVersion()).isEqualTo(3);
    assertThat(store.describe()).isEqualTo("file:" + dir.toAbsolutePath().normalize());
  }

  private void write(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content);
  }
}
