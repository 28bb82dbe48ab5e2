package io.agentruntime.contract.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a header the gateway sends upstream ({@code mcpServers[].headers}) may be: the one statement
 * of these rules, read by the configuration file's reader, the runtime when it reads a value from a
 * file, and the operator's CRD ({@code spec.mcpServers[].headers}). The constants are spelled so
 * that a CRD annotation can use them.
 */
public final class McpServerHeaders {

  /** An HTTP token (RFC 9110 §5.6.2), the only spelling a header name may have. */
  public static final String NAME_PATTERN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

  public static final int MAX_NAME_LENGTH = 128;

  /**
   * Headers, in lower case, each quoted and separated by commas (a CEL list's items), that the
   * gateway sets on every upstream request itself, or that are hop-by-hop (RFC 9110 §7.6.1): a
   * configured value would be overwritten, would break the transport, or would be a lie about the
   * connection.
   */
  public static final String RESERVED =
      "'accept', 'connection', 'content-length', 'content-type', 'host', 'keep-alive',"
          + " 'last-event-id', 'mcp-protocol-version', 'mcp-session-id', 'proxy-connection', 'te',"
          + " 'traceparent', 'tracestate', 'trailer', 'transfer-encoding', 'upgrade',"
          + " 'x-request-id'";

  /**
   * A field value without control characters but horizontal tab (RFC 9110 §5.5): no line break can
   * smuggle a second header in.
   */
  public static final String VALUE_PATTERN = "^[^\\x00-\\x08\\x0a-\\x1f\\x7f]*$";

  /** Longest value, given in the file or read from one. */
  public static final int MAX_VALUE_LENGTH = 8192;

  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
  private static final Pattern VALUE = Pattern.compile(VALUE_PATTERN);
  private static final Set<String> RESERVED_NAMES =
      Arrays.stream(RESERVED.split(","))
          .map(quoted -> quoted.strip().replace("'", ""))
          .collect(Collectors.toUnmodifiableSet());

  private McpServerHeaders() {}

  /** What is wrong with {@code name} as a configured header's name, if anything. */
  public static Optional<String> nameProblem(String name) {
    if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      return Optional.of("'" + name + "' is not a valid header name");
    }
    if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of("'" + name + "' is set by the gateway itself or is hop-by-hop");
    }
    return Optional.empty();
  }

  /**
   * What is wrong with {@code value} as a header's value, if anything. The answer never quotes the
   * value: it may be a credential.
   */
  public static Optional<String> valueProblem(String value) {
    if (value.isEmpty()) {
      return Optional.of("is empty");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      return Optional.of("is longer than " + MAX_VALUE_LENGTH + " characters");
    }
    if (!VALUE.matcher(value).matches()) {
      return Optional.of("must not contain line breaks or other control characters");
    }
    return Optional.empty();
  }
}
