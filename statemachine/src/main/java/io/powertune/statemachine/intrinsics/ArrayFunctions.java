package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * States.Array, States.ArrayPartition, States.ArrayContains, States.ArrayRange,
 * States.ArrayGetItem, States.ArrayLength and States.ArrayUnique.
 */
final class ArrayFunctions {

  /** The most items States.ArrayRange may return. */
  static final int MAX_RANGE_ITEMS = 1000;

  private ArrayFunctions() {}

  /** States.Array(values...): the values as an array, in order. */
  static JsonNode array(Args args) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(args.size());
    for (int i = 0; i < args.size(); i++) {
      array.add(args.value(i));
    }
    return array;
  }

  /**
   * States.ArrayPartition(array, size): the array cut into chunks of {@code size} items, the last
   * chunk holding what remains. A non-integer size is rounded to the nearest integer.
   */
  static JsonNode partition(Args args) {
    ArrayNode array = args.array(0, "the array");
    int size = args.roundedInt(1, "the chunk size");
    if (size <= 0) {
      throw args.fail("the chunk size must be a positive integer, got " + args.value(1));
    }
    ArrayNode chunks = JsonNodeFactory.instance.arrayNode();
    for (long start = 0; start < array.size(); start += size) {
      int end = (int) Math.min(start + size, array.size());
      ArrayNode chunk = chunks.addArray();
      for (int i = (int) start; i < end; i++) {
        chunk.add(array.get(i));
      }
    }
    return chunks;
  }

  /** States.ArrayContains(array, value): whether the array holds a value equal to {@code value}. */
  static JsonNode contains(Args args) {
    ArrayNode array = args.array(0, "the array");
    String wanted = JsonEquality.key(args.value(1));
    for (JsonNode element : array) {
      if (JsonEquality.key(element).equals(wanted)) {
        return BooleanNode.TRUE;
      }
    }
    return BooleanNode.FALSE;
  }

  /**
   * States.ArrayRange(start, end, step): the integers from start to end, both included, step apart;
   * a negative step counts down. Non-integers are rounded to the nearest integer; the step must not
   * be 0 and the result may hold at most {@value #MAX_RANGE_ITEMS} items.
   */
  static JsonNode range(Args args) {
    int start = args.roundedInt(0, "the start");
    int end = args.roundedInt(1, "the end");
    int step = args.roundedInt(2, "the step");
    if (step == 0) {
      throw args.fail("the step must not be 0");
    }
    boolean empty = step > 0 ? start > end : start < end;
    long count = empty ? 0 : ((long) end - start) / step + 1;
    if (count > MAX_RANGE_ITEMS) {
      throw args.fail(
          "the range would hold " + count + " items; an array may hold at most " + MAX_RANGE_ITEMS);
    }
    ArrayNode range = JsonNodeFactory.instance.arrayNode((int) count);
    for (long i = 0; i < count; i++) {
      range.add(Args.integer(start + i * step));
    }
    return range;
  }

  /** States.ArrayGetItem(array, index): the item at the zero-based index. */
  static JsonNode getItem(Args args) {
    ArrayNode array = args.array(0, "the array");
    int index = args.exactInt(1, "the index");
    if (index < 0 || index >= array.size()) {
      throw args.fail(
          "the index " + index + " is out of range for an array of " + array.size() + " items");
    }
    return array.get(index);
  }

  /** States.ArrayLength(array): the number of items. */
  static JsonNode length(Args args) {
    return IntNode.valueOf(args.array(0, "the array").size());
  }

  /** States.ArrayUnique(array): the array without repeated values, first occurrences kept. */
  static JsonNode unique(Args args) {
    ArrayNode array = args.array(0, "the array");
    Set<String> seen = new HashSet<>();
    ArrayNode unique = JsonNodeFactory.instance.arrayNode();
    for (JsonNode element : array) {
      if (seen.add(JsonEquality.key(element))) {
        unique.add(element);
      }
    }
    return unique;
  }
}
