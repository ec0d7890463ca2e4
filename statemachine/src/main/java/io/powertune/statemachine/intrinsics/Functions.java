package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The intrinsic functions by name, with how many arguments each takes. */
final class Functions {

  /** What a function does with its evaluated arguments. */
  @FunctionalInterface
  interface Body {
    JsonNode apply(Args args);
  }

  /**
   * One function.
   *
   * @param name the name, {@code States.} included
   * @param minArgs the fewest arguments it takes
   * @param maxArgs the most arguments it takes ({@link Integer#MAX_VALUE} for no limit)
   * @param body what it does
   */
  record Signature(String name, int minArgs, int maxArgs, Body body) {}

  private static final int ANY = Integer.MAX_VALUE;

  private static final Map<String, Signature> BY_NAME =
      index(
          List.of(
              new Signature("States.Format", 1, ANY, StringFunctions::format),
              new Signature("States.StringSplit", 2, 2, StringFunctions::stringSplit),
              new Signature("States.StringToJson", 1, 1, JsonFunctions::stringToJson),
              new Signature("States.JsonToString", 1, 1, JsonFunctions::jsonToString),
              new Signature("States.JsonMerge", 3, 3, JsonFunctions::jsonMerge),
              new Signature("States.Array", 0, ANY, ArrayFunctions::array),
              new Signature("States.ArrayPartition", 2, 2, ArrayFunctions::partition),
              new Signature("States.ArrayContains", 2, 2, ArrayFunctions::contains),
              new Signature("States.ArrayRange", 3, 3, ArrayFunctions::range),
              new Signature("States.ArrayGetItem", 2, 2, ArrayFunctions::getItem),
              new Signature("States.ArrayLength", 1, 1, ArrayFunctions::length),
              new Signature("States.ArrayUnique", 1, 1, ArrayFunctions::unique),
              new Signature("States.Base64Encode", 1, 1, EncodingFunctions::base64Encode),
              new Signature("States.Base64Decode", 1, 1, EncodingFunctions::base64Decode),
              new Signature("States.Hash", 2, 2, EncodingFunctions::hash),
              new Signature("States.MathRandom", 2, 3, MathFunctions::random),
              new Signature("States.MathAdd", 2, 2, MathFunctions::add),
              new Signature("States.UUID", 0, 0, MathFunctions::uuid)));

  private Functions() {}

  /** The function called {@code name}; throws {@link IllegalArgumentException} when unknown. */
  static Signature named(String name) {
    Signature signature = BY_NAME.get(name);
    if (signature == null) {
      throw new IllegalArgumentException(
          "unknown intrinsic function '"
              + name
              + "'; known: "
              + String.join(", ", BY_NAME.keySet()));
    }
    return signature;
  }

  /**
   * Checks what can be checked before evaluation: the name, the number of arguments and, for
   * States.Format with a literal template, that the placeholders match the arguments.
   */
  static void check(String name, List<Expr> args) {
    Signature signature = named(name);
    int count = args.size();
    if (count < signature.minArgs() || count > signature.maxArgs()) {
      throw new IllegalArgumentException(
          name + " takes " + expected(signature) + " but was given " + count);
    }
    if (name.equals("States.Format")) {
      Expr template = args.get(0);
      if (template instanceof Expr.Literal) {
        throw new IllegalArgumentException(
            "the first argument of States.Format must be a string template");
      }
      if (template instanceof Expr.Str str && str.placeholders() != count - 1) {
        throw new IllegalArgumentException(
            "the template of States.Format has "
                + str.placeholders()
                + " {} placeholder(s) but "
                + (count - 1)
                + " value argument(s) follow it");
      }
    }
  }

  private static String expected(Signature signature) {
    int min = signature.minArgs();
    int max = signature.maxArgs();
    if (max == ANY) {
      return "at least " + plural(min);
    }
    if (min == max) {
      return "exactly " + plural(min);
    }
    return min + " to " + plural(max);
  }

  private static String plural(int count) {
    return count + (count == 1 ? " argument" : " arguments");
  }

  private static Map<String, Signature> index(List<Signature> signatures) {
    Map<String, Signature> byName = new LinkedHashMap<>();
    for (Signature signature : signatures) {
      byName.put(signature.name(), signature);
    }
    return Collections.unmodifiableMap(byName);
  }
}
