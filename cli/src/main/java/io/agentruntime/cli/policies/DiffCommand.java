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

/** {@code policies diff}: what push with the same paths and flags would change. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    header = "Shows what push would change; exit code 1 when it would.",
    description = {
      "Shows what push would change: + id (only in files), ~ id (differs; with a unified diff of"
          + " the Cedar text from the table to the file) and, with --prune, - id (not in files).",
      "Writes nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no differences",
      "1:push would change the set",
      "2:invalid options, paths or Cedar",
      "3:the table could not be read"
    })
final class DiffCommand extends PolicySetCommand {

  @Option(
      names = "--prune",
      description = "also show the set's policies that no file defines (push --prune deletes them)")
  private boolean prune;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = ".cedar files, or directories whose .cedar files to read")
  private List<Path> paths;

  @Override
  protected int run(StoreTarget target, PrintWriter out)
      throws InvalidPolicyFilesException, PolicyStoreException {
    List<PolicyDocument> files = new PolicyFiles().read(paths);
    PolicySetSnapshot current;
    try (PolicySetConnection connection = PolicySetConnection.open(target)) {
      current = connection.load();
    }
    List<PolicyChange> changes = PolicyChanges.between(files, current.policies(), prune);
    for (PolicyChange change : changes) {
      out.println(change.summary());
      ChangeDetails.of(change).forEach(line -> out.println("  " + line));
    }
    return changes.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }
}
