package io.agentruntime.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.agentruntime.contract.config.ContextLimits;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a request body in one streaming pass, enforcing the nesting limit and the {@code context}
 * limits ({@link ContextBudget}) while it reads, so a hostile body (100,000 {@code [}, a context of
 * a million elements) costs no more than the bytes read until the limit and never a deep recursion.
 * A member given twice is refused: which copy would count is exactly the ambiguity a request must
 * not have.
 */
public final class DispatchRequestParser {

  /** Deepest accepted nesting of objects and arrays, counting the body itself as level 1. */
  public static final int MAX_DEPTH = 32;

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private DispatchRequestParser() {}

  /**
   * @throws ProblemException 400 naming what is wrong with the body
   */
  public static DispatchRequest parse(Buffer body, ContextLimits contextLimits) {
    byte[] bytes = body.getBytes();
    Map<String, Object> root;
    ContextBudget budget = new ContextBudget(contextLimits);
    try (JsonParser parser = JSON.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw invalid("the body must be a JSON object");
      }
      root = readRoot(parser, budget);
      if (parser.nextToken() != null) {
        throw new ProblemException(
            ProblemType.MALFORMED_JSON, "unexpected content after the JSON object");
      }
    } catch (StreamConstraintsException e) {
      throw invalid("the body exceeds a JSON size limit: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw malformed(bytes, e);
    }
    return fromMembers(root, budget.size());
  }

  private static DispatchRequest fromMembers(Map<String, Object> root, ContextSize contextSize) {
    for (String member : root.keySet()) {
      if (!member.equals("intent") && !member.equals("context") && !member.equals("input")) {
        throw invalid(
            "unknown member '" + abbreviate(member) + "' (expected intent, context, input)");
      }
    }
    if (!(root.get("intent") instanceof String intent) || intent.isEmpty()) {
      throw invalid(
          root.get("intent") == null ? "missing 'intent'" : "'intent' must be a non-empty string");
    }
    return new DispatchRequest(intent, object(root, "context"), object(root, "input"), contextSize);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> root, String member) {
    Object value = root.get(member);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw invalid("'" + member + "' must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /** The body's members; the value of {@code context} is read within its budget. */
  private static Map<String, Object> readRoot(JsonParser parser, ContextBudget contextBudget)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      ContextBudget budget = name.equals("context") ? contextBudget : null;
      if (budget != null) {
        budget.start(parser, 2);
      }
      root.put(name, readValue(parser, token, 1, budget));
      if (budget != null) {
        budget.end(parser);
      }
    }
    return root;
  }

  private static Map<String, Object> readObject(JsonParser parser, int depth, ContextBudget budget)
      throws IOException {
    checkDepth(parser, depth, budget);
    Map<String, Object> object = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (budget != null) {
        budget.member(parser);
      }
      object.put(name, readValue(parser, token, depth, budget));
    }
    return object;
  }

  private static List<Object> readArray(JsonParser parser, int depth, ContextBudget budget)
      throws IOException {
    checkDepth(parser, depth, budget);
    List<Object> array = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (budget != null) {
        budget.member(parser);
      }
      array.add(readValue(parser, token, depth, budget));
    }
    return array;
  }

  private static Object readValue(
      JsonParser parser, JsonToken token, int depth, ContextBudget budget) throws IOException {
    if (token == null) {
      throw new IOException("unexpected end of the body");
    }
    return switch (token) {
      case START_OBJECT -> readObject(parser, depth + 1, budget);
      case START_ARRAY -> readArray(parser, depth + 1, budget);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected token " + token);
    };
  }

  private static void checkDepth(JsonParser parser, int depth, ContextBudget budget) {
    if (budget != null) {
      budget.level(parser, depth);
    }
    if (depth > MAX_DEPTH) {
      throw invalid(
          "JSON nested deeper than "
              + MAX_DEPTH
              + " levels at '"
              + abbreviate(parser.getParsingContext().getParent().pathAsPointer().toString())
              + "'");
    }
  }

  private static ProblemException malformed(byte[] bytes, IOException cause) {
    if (!isUtf8(bytes)) {
      return new ProblemException(ProblemType.INVALID_ENCODING, "the body is not valid UTF-8 JSON");
    }
    String message = cause.getMessage();
    if (cause instanceof JsonProcessingException json) {
      message = json.getOriginalMessage();
      int marker = message.indexOf(" (start marker");
      message = marker < 0 ? message : message.substring(0, marker);
      if (json.getLocation() != null) {
        message +=
            " at line "
                + json.getLocation().getLineNr()
                + ", column "
                + json.getLocation().getColumnNr();
      }
    }
    return new ProblemException(ProblemType.MALFORMED_JSON, "malformed JSON: " + message);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
