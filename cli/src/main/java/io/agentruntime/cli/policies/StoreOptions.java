package io.agentruntime.cli.policies;

import io.agentruntime.governance.store.dynamodb.DynamoDbClientSettings;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every {@code policies} command shares: which table, set, region and endpoint. */
final class StoreOptions {
  static final String REGION_VARIABLE = "AWS_REGION";

  @Option(
      names = "--table",
      required = true,
      paramLabel = "NAME",
      description = "the DynamoDB table of the policy sets (governance.store.dynamodb.table)")
  private String table;

  @Option(
      names = "--runtime",
      required = true,
      paramLabel = "NAMESPACE/NAME",
      converter = PolicySetKeyConverter.class,
      description = "the runtime whose policy set to use (runtime.namespace/runtime.name)")
  private PolicySetKey set;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "the table's AWS region; default: the AWS_REGION environment variable")
  private String region;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "replaces the region's DynamoDB endpoint, e.g. a local DynamoDB")
  private URI endpoint;

  /**
   * The target these options name.
   *
   * @param environment where {@code AWS_REGION} is looked up
   * @param command reports an option at fault (exit code 2)
   */
  StoreTarget target(Map<String, String> environment, CommandLine command) {
    String resolvedRegion =
        Optional.ofNullable(region)
            .or(() -> Optional.ofNullable(environment.get(REGION_VARIABLE)))
            .filter(value -> !value.isBlank())
            .orElseThrow(
                () ->
                    new ParameterException(
                        command,
                        "Missing option '--region=REGION' (and "
                            + REGION_VARIABLE
                            + " is not set)"));
    DynamoDbClientSettings settings = DynamoDbClientSettings.forRegion(resolvedRegion);
    if (endpoint != null) {
      if (!endpoint.isAbsolute()
          || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
        throw new ParameterException(
            command,
            "Invalid value for option '--endpoint': must be an http:// or https:// URL, got '"
                + endpoint
                + "'");
      }
      settings = settings.withEndpoint(endpoint);
    }
    return new StoreTarget(table, set, settings);
  }

  /** Reads {@code NAMESPACE/NAME} as the runtime derives its set from its configuration. */
  static final class PolicySetKeyConverter implements CommandLine.ITypeConverter<PolicySetKey> {
    @Override
    public PolicySetKey convert(String value) {
      String[] parts = value.split("/", -1);
      if (parts.length != 2) {
        throw new CommandLine.TypeConversionException(
            "must be NAMESPACE/NAME, e.g. agents/support, got '" + value + "'");
      }
      try {
        return new PolicySetKey(parts[0], parts[1]);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
