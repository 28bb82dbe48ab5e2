package io.agentruntime.runtime.http;

import io.agentruntime.runtime.identity.HeaderSource;
import io.vertx.core.MultiMap;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The headers the runtime trusts with identity and deduplication, read strictly: each must come at
 * most once (a proxy that appends its value instead of replacing the client's would otherwise let
 * the client's copy win), its bytes are decoded as UTF-8 (so a token subject {@code josé} reaches
 * Cedar as {@code josé}), and control characters are refused. Any violation is a 400 {@code
 * invalid-header} naming the header.
 */
public final class RequestHeaders implements HeaderSource {

  private final MultiMap headers;

  public RequestHeaders(MultiMap headers) {
    this.headers = headers;
  }

  @Override
  public Optional<String> single(String name) {
    List<String> values = headers.getAll(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw invalid(name, "was sent " + values.size() + " times; it must be sent once");
    }
    return Optional.of(decoded(name, values.getFirst()));
  }

  /**
   * HTTP/1.1 and HTTP/2 decoders turn each byte of a value into one character (ISO-8859-1): take
   * the bytes back and read them as UTF-8.
   */
  private static String decoded(String name, String raw) {
    boolean ascii = true;
    for (int i = 0; i < raw.length() && ascii; i++) {
      ascii = raw.charAt(i) < 0x80;
    }
    String value = ascii ? raw : utf8(name, raw);
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw invalid(name, "contains a control character");
    }
    return value;
  }

  private static String utf8(String name, String raw) {
    byte[] bytes = new byte[raw.length()];
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c > 0xFF) {
        throw invalid(name, "is not valid UTF-8");
      }
      bytes[i] = (byte) c;
    }
    try {
      CharBuffer decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return decoded.toString();
    } catch (CharacterCodingException e) {
      throw invalid(name, "is not valid UTF-8");
    }
  }

  private static ProblemException invalid(String name, String problem) {
    return new ProblemException(ProblemType.INVALID_HEADER, "header '" + name + "' " + problem);
  }
}
