package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Random;
import java.util.UUID;

/** States.MathRandom, States.MathAdd and States.UUID. */
final class MathFunctions {

  private MathFunctions() {}

  /**
   * States.MathRandom(start, end[, seed]): a random integer n with start &lt;= n &lt; end.
   * Non-integers are rounded to the nearest integer. With a seed the number is drawn from {@code
   * new Random(seed)}, so the same seed gives the same number; without one, from the evaluation's
   * random source.
   */
  static JsonNode random(Args args) {
    int start = args.roundedInt(0, "the start");
    int end = args.roundedInt(1, "the end");
    if (start >= end) {
      throw args.fail("the start (" + start + ") must be less than the end (" + end + ")");
    }
    Random source = args.size() == 3 ? new Random(args.roundedLong(2, "the seed")) : args.random();
    if (source == null) {
      throw args.fail("no random source was given");
    }
    return IntNode.valueOf(source.nextInt(start, end));
  }

  /**
   * States.MathAdd(a, b): the sum of two integers between -2147483648 and 2147483647. As AWS
   * documents, a non-integer is rounded to the nearest integer.
   */
  static JsonNode add(Args args) {
    long first = args.roundedInt(0, "the first value");
    long second = args.roundedInt(1, "the second value");
    return Args.integer(first + second);
  }

  /** States.UUID(): a version 4 UUID whose random bits come from the evaluation's random source. */
  static JsonNode uuid(Args args) {
    Random source = args.random();
    if (source == null) {
      throw args.fail("no random source was given");
    }
    byte[] bytes = new byte[16];
    source.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (bytes[i] & 0xff);
      low = (low << 8) | (bytes[i + 8] & 0xff);
    }
    return TextNode.valueOf(new UUID(high, low).toString());
  }
}
