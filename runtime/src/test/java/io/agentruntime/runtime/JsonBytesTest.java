package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The runtime's codec writes every value byte for byte as Jackson's generator does. */
class JsonBytesTest {

  private static final int CASES = 20_000;

  /** Characters a string is drawn from: escapes, control characters, UTF-8 of every length. */
  private static final String ALPHABET =
      "aZ09 _-/.:\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080é\u07ff\u0800€\uffff😀𝄞";

  private final JacksonCodec jackson = new JacksonCodec();
  private final StreamingJsonFactory.Codec codec = new StreamingJsonFactory.Codec();

  @Test
  void randomValuesEncodeAsJacksonEncodesThem() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      Object value = value(random, 0);
      assertThat(codec.toBuffer(value, false).toString())
          .as("seed %d, case %d: %s", seed, i, value)
          .isEqualTo(jackson.toBuffer(value, false).toString());
    }
  }

  @Test
  void valuesItDoesNotWriteAreLeftToJackson() {
    JsonObject odd =
        new JsonObject()
            .put("amount", new BigDecimal("12.50"))
            .put("at", Instant.parse("2026-12-05T02:30:00Z"))
            .put("bytes", new byte[] {1, 2, 3})
            .put("ratio", Double.NaN);

    assertThat(codec.toBuffer(odd, false)).isEqualTo(jackson.toBuffer(odd, false));
  }

  @Test
  void aLoneSurrogateIsEscapedAsJacksonEscapesIt() {
    JsonObject broken = new JsonObject().put("text", "a\ud800b\udc00");

    assertThat(codec.toBuffer(broken, false).toString())
        .isEqualTo(jackson.toBuffer(broken, false).toString())
        .contains("\\uD800");
  }

  @Test
  void prettyPrintingIsJacksons() {
    JsonObject value = new JsonObject().put("a", new JsonArray().add(1).add("two"));

    assertThat(codec.toBuffer(value, true)).isEqualTo(jackson.toBuffer(value, true));
  }

  private static Object value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 3 ? 9 : 13);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> random.nextLong();
      case 4 -> (short) random.nextInt();
      case 5 ->
          random.nextBoolean()
              ? random.nextDouble() * 1e6
              : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
      case 6 -> random.nextFloat();
      case 7, 8 -> string(random);
      case 9, 10 -> {
        Map<String, Object> members = new LinkedHashMap<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
          members.put(string(random), value(random, depth + 1));
        }
        yield random.nextBoolean() ? new JsonObject(members) : members;
      }
      default -> {
        List<Object> items = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
          items.add(value(random, depth + 1));
        }
        yield random.nextBoolean() ? new JsonArray(items) : items;
      }
    };
  }

  private static String string(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    boolean plain = random.nextInt(3) == 0;
    for (int i = 0; i < length; i++) {
      if (plain) {
        text.append((char) (0x20 + random.nextInt(0x5f)));
      } else {
        int at =
            ALPHABET.offsetByCodePoints(
                0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())));
        text.appendCodePoint(ALPHABET.codePointAt(at));
      }
    }
    return text.toString();
  }
}
