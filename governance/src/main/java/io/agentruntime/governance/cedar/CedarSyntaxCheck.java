package io.agentruntime.governance.cedar;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a text is exactly one static Cedar policy and, when it is not, reports where.
 *
 * <p>cedar-java's parse methods throw bare messages without positions. Its authorization call, fed
 * an unparsed policy, returns Cedar's structured diagnostic with a byte-offset span, so a failed
 * parse is diagnosed once more through that path to obtain a line and column. Only the error path
 * pays for the second call.
 */
public final class CedarSyntaxCheck {
  private static final String DIAGNOSED_ID = "checked";
  private static final String CEDAR_PREFIX = "from string: ";

  private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();

  /** The first syntax error of {@code policyText}, or empty when it is one valid static policy. */
  public Optional<CedarSyntaxError> check(String policyText) {
    try {
      new Policy(policyText, DIAGNOSED_ID).toJson();
      return Optional.empty();
    } catch (InternalException e) {
      return Optional.of(diagnose(policyText, e));
    }
  }

  private CedarSyntaxError diagnose(String policyText, InternalException parseFailure) {
    PolicySet single = new PolicySet(Set.of(new Policy(policyText, DIAGNOSED_ID)));
    try {
      AuthorizationResponse response = engine.isAuthorized(placeholderRequest(), single, Set.of());
      Optional<DetailedError> first =
          response.errors.flatMap(errors -> errors.stream().findFirst());
      if (first.isPresent()) {
        return fromDetailedError(policyText, first.get());
      }
    } catch (AuthException | RuntimeException e) {
      // The structured diagnostic is a refinement; the parse failure below is still accurate.
    }
    return new CedarSyntaxError(stripPrefix(String.join("; ", parseFailure.getErrors())), 1, 1);
  }

  private static CedarSyntaxError fromDetailedError(String text, DetailedError error) {
    String message = stripPrefix(error.message);
    if (error.sourceLocations.isEmpty()) {
      return new CedarSyntaxError(message, 1, 1);
    }
    DetailedError.SourceLabel label = error.sourceLocations.getFirst();
    String detail = label.label.filter(l -> !l.isBlank()).map(l -> " (" + l + ")").orElse("");
    int[] position = lineAndColumn(text, label.start);
    return new CedarSyntaxError(message + detail, position[0], position[1]);
  }

  /** Converts Cedar's UTF-8 byte offset into a 1-based line and character column. */
  static int[] lineAndColumn(String text, int byteOffset) {
    int line = 1;
    int column = 1;
    int bytes = 0;
    for (int i = 0; i < text.length() && bytes < byteOffset; ) {
      int codePoint = text.codePointAt(i);
      bytes += new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      i += Character.charCount(codePoint);
      if (codePoint == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  private static String stripPrefix(String message) {
    int at = message.indexOf(CEDAR_PREFIX);
    String stripped = at >= 0 ? message.substring(at + CEDAR_PREFIX.length()) : message;
    return stripped.replace("Internal JNI Error: ", "").strip();
  }

  private static AuthorizationRequest placeholderRequest() {
    EntityUID placeholder = EntityTypeName.parse("Diagnostic").orElseThrow().of("placeholder");
    return new AuthorizationRequest(placeholder, placeholder, placeholder, Map.of());
  }
}
