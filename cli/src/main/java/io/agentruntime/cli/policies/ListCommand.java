package io.agentruntime.cli.policies;

import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.PolicyStoreException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code policies list}: the set's version and policies, as the runtime would load them. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "Prints a policy set's version and its policies.",
    description =
        "Reads the set as a runtime loads it (one consistent query) and prints its version and"
            + " policies.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "2:invalid options", "3:the table could not be read"})
final class ListCommand extends PolicySetCommand {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table (id, mode, rate limit, first line of the Cedar text) or json (full text);"
              + " default: ${DEFAULT-VALUE}")
  private PolicyListing.Format format;

  @Override
  protected int run(StoreTarget target, PrintWriter out) throws PolicyStoreException {
    PolicySetSnapshot snapshot;
    try (PolicySetConnection connection = PolicySetConnection.open(target)) {
      snapshot = connection.load();
    }
    out.print(new PolicyListing(target, snapshot).render(format));
    return ExitCodes.OK;
  }
}
