package io.agentruntime.cli.policies;

import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.PolicyStoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policies push}: makes the table's policy set hold the files' policies. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    header = "Writes the policies of .cedar files to a runtime's policy set.",
    description = {
      "Writes the policies of .cedar files to a runtime's policy set: only those that differ from"
          + " the table (Cedar text, mode, rate limit), each followed by a bump of the set's"
          + " version. Prints + id, ~ id or - id per change, then the set's version.",
      "Every file is parsed first: invalid Cedar writes nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the set holds the files' policies",
      "2:invalid options, paths or Cedar; nothing written",
      "3:the table could not be read or written"
    })
final class PushCommand extends PolicySetCommand {

  @Option(names = "--prune", description = "also delete the set's policies that no file defines")
  private boolean prune;

  @Option(names = "--create-table", description = "create the table first if it does not exist")
  private boolean createTable;

  @Option(names = "--dry-run", description = "print the changes without writing them")
  private boolean dryRun;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = ".cedar files, or directories whose .cedar files to read")
  private List<Path> paths;

  @Override
  protected int run(StoreTarget target, PrintWriter out)
      throws InvalidPolicyFilesException, PolicyStoreException {
    List<PolicyDocument> files = new PolicyFiles().read(paths);
    try (PolicySetConnection connection = PolicySetConnection.open(target)) {
      PolicySetSnapshot current = current(connection, target, out);
      List<PolicyChange> changes = PolicyChanges.between(files, current.policies(), prune);
      long version = current.version();
      for (PolicyChange change : changes) {
        if (!dryRun) {
          version = connection.apply(change);
        }
        out.println(change.summary());
      }
      out.println(conclusion(target, changes, version));
    }
    return ExitCodes.OK;
  }

  /** The set as it is now; a dry run neither creates the table nor fails because it is missing. */
  private PolicySetSnapshot current(
      PolicySetConnection connection, StoreTarget target, PrintWriter out)
      throws PolicyStoreException {
    if (createTable && !dryRun) {
      connection.createTableIfMissing();
    } else if (createTable && !connection.tableExists()) {
      out.println("table '" + target.table() + "' would be created");
      return new PolicySetSnapshot(0, List.of());
    }
    return connection.load();
  }

  private String conclusion(StoreTarget target, List<PolicyChange> changes, long version) {
    if (changes.isEmpty()) {
      return "no changes: " + target.describe() + " is at version " + version;
    }
    if (dryRun) {
      return "dry run, nothing written: " + target.describe() + " stays at version " + version;
    }
    return target.describe() + " is now at version " + version;
  }
}
