package io.agentruntime.cli.policies;

import io.agentruntime.governance.store.PolicyStoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A {@code policies} command: results on standard output, expected errors as one line on standard
 * error with their exit code ({@link ExitCodes}), never a stack trace.
 */
abstract class PolicySetCommand implements Callable<Integer> {

  @Mixin private StoreOptions storeOptions;

  @Spec private CommandSpec spec;

  @ParentCommand private PoliciesCommand parent;

  @Override
  public final Integer call() {
    StoreTarget target = storeOptions.target(parent.environment(), spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(target, out);
    } catch (InvalidPolicyFilesException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    } catch (PolicyStoreException | SdkException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.STORE_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Does the command's work.
   *
   * @param target the table and set the options name
   * @param out where results go
   * @return the exit code
   */
  protected abstract int run(StoreTarget target, PrintWriter out)
      throws InvalidPolicyFilesException, PolicyStoreException;
}
