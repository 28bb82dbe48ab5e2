package io.agentruntime.cli.policies;

import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.governance.testing.LocalPolicyTable;
import java.util.ArrayList;
import java.util.List;

/** The table the {@code policies} commands are tested against, and the options that name it. */
public final class LocalTable {
  static final String TABLE = "governance-policies";
  static final String REGION = "eu-west-1";

  private LocalTable() {}

  /** Starts dynalite with the table; skips the calling test where dynalite is missing. */
  public static LocalPolicyTable start() throws PolicyStoreException {
    return LocalPolicyTable.start(REGION, TABLE);
  }

  /** {@code policies <command> --table ... --runtime <set> --region ... --endpoint ...} + more. */
  public static String[] args(
      LocalPolicyTable table, String command, PolicySetKey set, String... more) {
    List<String> args = new ArrayList<>(List.of("policies", command));
    args.addAll(
        List.of(
            "--table",
            table.table(),
            "--runtime",
            set.toString(),
            "--region",
            table.region(),
            "--endpoint",
            table.dynalite().endpoint().toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
