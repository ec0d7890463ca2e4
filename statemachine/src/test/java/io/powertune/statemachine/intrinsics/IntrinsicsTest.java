package io.powertune.statemachine.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNode CONTEXT = json("{'Execution': {'Id': 'arn:execution:1'}}");

  // --- States.Format

  @Test
  void format_replacesPlaceholdersInOrder() {
    JsonNode input = json("{'name': 'Arnav'}");

    assertThat(eval("States.Format('Hello, my name is {}.', $.name)", input).textValue())
        .isEqualTo("Hello, my name is Arnav.");
    assertThat(eval("States.Format('{} then {}', 'first', 'second')").textValue())
        .isEqualTo("first then second");
  }

  @Test
  void format_readsTheTemplateFromAPath() {
    JsonNode input = json("{'name': 'Arnav', 'template': 'Hello, my name is {}.'}");

    assertThat(eval("States.Format($.template, $.name)", input).textValue())
        .isEqualTo("Hello, my name is Arnav.");
  }

  @Test
  void format_insertsNumbersBooleansAndNullAsJsonText() {
    JsonNode input = json("{'n': 7}");

    assertThat(
            eval("States.Format('{}|{}|{}|{}|{}|{}', 42, -1.5, true, false, null, $.n)", input)
                .textValue())
        .isEqualTo("42|-1.5|true|false|null|7");
  }

  @Test
  void format_escapesProduceLiteralCharacters() {
    // the expression text is: States.Format('\{\} {} it\'s \\', 'x')
    assertThat(eval("States.Format('\\{\\} {} it\\'s \\\\', 'x')").textValue())
        .isEqualTo("{} x it's \\");
  }

  @Test
  void format_withoutPlaceholdersReturnsTheTemplate() {
    assertThat(eval("States.Format('no placeholders')").textValue()).isEqualTo("no placeholders");
  }

  @Test
  void format_rejectsAPlaceholderCountThatDiffersFromTheArguments() {
    assertThatThrownBy(() -> Intrinsics.validate("States.Format('{} and {}', 1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("placeholder");
    failure("States.Format('{}', 1, 2)", json("{}"));
    failure("States.Format($.template, 1)", json("{'template': 'a {} b {}'}"));
  }

  @Test
  void format_rejectsObjectAndArrayArguments() {
    JsonNode input = json("{'object': {'a': 1}, 'array': [1]}");

    assertThat(failure("States.Format('{}', $.object)", input).cause()).contains("object");
    assertThat(failure("States.Format('{}', $.array)", input).cause()).contains("array");
  }

  @Test
  void format_rejectsATemplateThatIsNotAString() {
    assertThatThrownBy(() -> Intrinsics.validate("States.Format(1)"))
        .isInstanceOf(IllegalArgumentException.class);
    failure("States.Format($.n)", json("{'n': 1}"));
  }

  // --- States.StringToJson, States.JsonToString, States.JsonMerge

  @Test
  void stringToJson_parsesTheJsonTextOfAString() {
    ObjectNode input = MAPPER.createObjectNode().put("escapedJsonString", "{\"foo\": \"bar\"}");

    assertThat(eval("States.StringToJson($.escapedJsonString)", input))
        .isEqualTo(json("{'foo': 'bar'}"));
    assertThat(eval("States.StringToJson('[1, 2.5, true]')")).isEqualTo(json("[1, 2.5, true]"));
  }

  @Test
  void stringToJson_rejectsTextThatIsNotJson() {
    failure("States.StringToJson('not json')", json("{}"));
    failure("States.StringToJson('[1] [2]')", json("{}"));
    failure("States.StringToJson('')", json("{}"));
    failure("States.StringToJson($.n)", json("{'n': 1}"));
  }

  @Test
  void jsonToString_writesCompactJson() {
    JsonNode input = json("{'data': {'a': [1, 2], 'b': 'x', 'c': null}}");

    assertThat(eval("States.JsonToString($.data)", input).textValue())
        .isEqualTo("{\"a\":[1,2],\"b\":\"x\",\"c\":null}");
  }

  @Test
  void jsonToStringAndStringToJson_roundTrip() {
    JsonNode input = json("{'data': {'nested': {'list': [1, {'x': 'y'}]}}}");

    assertThat(eval("States.StringToJson(States.JsonToString($.data))", input))
        .isEqualTo(input.get("data"));
  }

  @Test
  void jsonMerge_shallowMergesTheSecondObjectOverTheFirst() {
    JsonNode input =
        json(
            "{'json1': {'a': {'a1': 1, 'a2': 2}, 'b': 2}, 'json2': {'a': {'a3': 1, 'a4': 2}, 'c': 3}}");

    assertThat(eval("States.JsonMerge($.json1, $.json2, false)", input))
        .isEqualTo(json("{'a': {'a3': 1, 'a4': 2}, 'b': 2, 'c': 3}"));
  }

  @Test
  void jsonMerge_rejectsDeepMergeAndNonObjects() {
    JsonNode input = json("{'o': {'a': 1}, 'array': [1]}");

    assertThat(failure("States.JsonMerge($.o, $.o, true)", input).cause()).contains("deep");
    failure("States.JsonMerge($.o, $.o, 'false')", input);
    failure("States.JsonMerge($.o, $.array, false)", input);
    failure("States.JsonMerge($.array, $.o, false)", input);
  }

  // --- arrays

  @Test
  void array_collectsTheArgumentsInOrder() {
    assertThat(eval("States.Array($.Id)", json("{'Id': 123456}"))).isEqualTo(json("[123456]"));
    assertThat(eval("States.Array('a', 1, 2.5, true, null, $.o)", json("{'o': {'k': 'v'}}")))
        .isEqualTo(json("['a', 1, 2.5, true, null, {'k': 'v'}]"));
    assertThat(eval("States.Array()")).isEqualTo(json("[]"));
  }

  @Test
  void arrayPartition_cutsTheArrayIntoChunks() {
    JsonNode input = json("{'inputArray': [1, 2, 3, 4, 5, 6, 7, 8, 9]}");

    assertThat(eval("States.ArrayPartition($.inputArray, 4)", input))
        .isEqualTo(json("[[1, 2, 3, 4], [5, 6, 7, 8], [9]]"));
    assertThat(eval("States.ArrayPartition($.inputArray, 20)", input))
        .isEqualTo(json("[[1, 2, 3, 4, 5, 6, 7, 8, 9]]"));
    assertThat(eval("States.ArrayPartition(States.Array(), 3)")).isEqualTo(json("[]"));
  }

  @Test
  void arrayPartition_roundsANonIntegerChunkSize() {
    assertThat(eval("States.ArrayPartition(States.Array(1, 2, 3), 1.6)"))
        .isEqualTo(json("[[1, 2], [3]]"));
  }

  @Test
  void arrayPartition_rejectsANonPositiveSizeOrANonArray() {
    failure("States.ArrayPartition(States.Array(1, 2), 0)", json("{}"));
    failure("States.ArrayPartition(States.Array(1, 2), -1)", json("{}"));
    failure("States.ArrayPartition('abc', 1)", json("{}"));
    failure("States.ArrayPartition(States.Array(1, 2), 'two')", json("{}"));
  }

  @Test
  void arrayContains_comparesJsonValues() {
    ObjectNode input =
        (ObjectNode)
            json(
                "{'inputArray': [1, 2, 3, 4, 5, 6, 7, 8, 9], 'lookingFor': 5, 'objects': [{'a': 1, 'b': [2]}]}");
    input.put("wanted", "{\"b\": [2], \"a\": 1}");

    assertThat(eval("States.ArrayContains($.inputArray, $.lookingFor)", input))
        .isEqualTo(json("true"));
    assertThat(eval("States.ArrayContains($.inputArray, 10)", input)).isEqualTo(json("false"));
    assertThat(eval("States.ArrayContains($.inputArray, '5')", input)).isEqualTo(json("false"));
    assertThat(eval("States.ArrayContains($.inputArray, 5.0)", input)).isEqualTo(json("true"));
    assertThat(eval("States.ArrayContains($.objects, States.StringToJson($.wanted))", input))
        .isEqualTo(json("true"));
    failure("States.ArrayContains($.lookingFor, 5)", input);
  }

  @Test
  void arrayRange_countsFromStartToEndInclusive() {
    assertThat(eval("States.ArrayRange(1, 9, 2)")).isEqualTo(json("[1, 3, 5, 7, 9]"));
    assertThat(eval("States.ArrayRange(1, 10, 3)")).isEqualTo(json("[1, 4, 7, 10]"));
    assertThat(eval("States.ArrayRange(9, 1, -3)")).isEqualTo(json("[9, 6, 3]"));
    assertThat(eval("States.ArrayRange(5, 5, 1)")).isEqualTo(json("[5]"));
    assertThat(eval("States.ArrayRange(5, 1, 1)")).isEqualTo(json("[]"));
  }

  @Test
  void arrayRange_allowsAtMost1000Items() {
    JsonNode thousand = eval("States.ArrayRange(1, 1000, 1)");
    assertThat(thousand.size()).isEqualTo(1000);
    assertThat(thousand.get(999)).isEqualTo(json("1000"));
    assertThat(failure("States.ArrayRange(1, 1001, 1)", json("{}")).cause()).contains("1000");
  }

  @Test
  void arrayRange_rejectsAZeroStepAndNonNumbers() {
    failure("States.ArrayRange(1, 9, 0)", json("{}"));
    failure("States.ArrayRange('1', 9, 1)", json("{}"));
  }

  @Test
  void arrayGetItem_returnsTheItemAtTheIndex() {
    JsonNode input = json("{'inputArray': [1, 2, 3, 4, 5, 6, 7, 8, 9], 'index': 5}");

    assertThat(eval("States.ArrayGetItem($.inputArray, $.index)", input)).isEqualTo(json("6"));
    assertThat(eval("States.ArrayGetItem($.inputArray, 0)", input)).isEqualTo(json("1"));
  }

  @Test
  void arrayGetItem_rejectsAnIndexOutOfRangeOrNotAnInteger() {
    JsonNode input = json("{'inputArray': [1, 2, 3]}");

    assertThat(failure("States.ArrayGetItem($.inputArray, 3)", input).cause())
        .contains("out of range");
    failure("States.ArrayGetItem($.inputArray, -1)", input);
    failure("States.ArrayGetItem($.inputArray, 1.5)", input);
    failure("States.ArrayGetItem($.inputArray, '1')", input);
  }

  @Test
  void arrayLength_countsTheItems() {
    JsonNode input = json("{'inputArray': [1, 2, 3, 4, 5, 6, 7, 8, 9]}");

    assertThat(eval("States.ArrayLength($.inputArray)", input)).isEqualTo(json("9"));
    assertThat(eval("States.ArrayLength(States.Array())")).isEqualTo(json("0"));
    failure("States.ArrayLength('abc')", input);
  }

  @Test
  void arrayUnique_keepsFirstOccurrencesInOrder() {
    JsonNode input = json("{'inputArray': [1, 2, 3, 3, 3, 3, 3, 3, 4]}");

    assertThat(eval("States.ArrayUnique($.inputArray)", input)).isEqualTo(json("[1, 2, 3, 4]"));
    assertThat(eval("States.ArrayUnique(States.Array('b', 'a', 'b', 'c', 'a'))"))
        .isEqualTo(json("['b', 'a', 'c']"));
    assertThat(
            eval(
                "States.ArrayUnique($.objects)",
                json("{'objects': [{'a': 1, 'b': 2}, {'b': 2, 'a': 1}, {'a': 2}, 1, 1.0]}")))
        .isEqualTo(json("[{'a': 1, 'b': 2}, {'a': 2}, 1]"));
  }

  // --- encoding and hashing

  @Test
  void base64Encode_encodesUtf8Bytes() {
    assertThat(eval("States.Base64Encode('Data to encode')").textValue())
        .isEqualTo("RGF0YSB0byBlbmNvZGU=");
    assertThat(eval("States.Base64Encode($.s)", json("{'s': 'Hello, \u4e16\u754c'}")).textValue())
        .isEqualTo("SGVsbG8sIOS4lueVjA==");
  }

  @Test
  void base64Decode_decodesToUtf8Text() {
    assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')").textValue())
        .isEqualTo("Data to encode");
    assertThat(eval("States.Base64Decode('SGVsbG8sIOS4lueVjA==')").textValue())
        .isEqualTo("Hello, \u4e16\u754c");
  }

  @Test
  void base64Decode_rejectsInvalidInput() {
    failure("States.Base64Decode('not base64!')", json("{}"));
    failure("States.Base64Decode('/w==')", json("{}"));
    failure("States.Base64Decode(42)", json("{}"));
  }

  @Test
  void base64_acceptsAtMost10000Characters() {
    ObjectNode input = MAPPER.createObjectNode();
    input.put("ok", "x".repeat(10_000));
    input.put("tooLong", "x".repeat(10_001));

    assertThat(eval("States.Base64Encode($.ok)", input).textValue()).startsWith("eHh4");
    failure("States.Base64Encode($.tooLong)", input);
    failure("States.Base64Decode($.tooLong)", input);
  }

  @Test
  void hash_returnsTheLowercaseHexDigest() {
    JsonNode input = json("{'Data': 'input data', 'Algorithm': 'SHA-1'}");

    assertThat(eval("States.Hash($.Data, $.Algorithm)", input).textValue())
        .isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
    assertThat(eval("States.Hash('input data', 'MD5')").textValue())
        .isEqualTo("812f45842bc6d66ee14572ce20db8e86");
    assertThat(eval("States.Hash('input data', 'SHA-256')").textValue())
        .isEqualTo("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3");
    assertThat(eval("States.Hash('input data', 'SHA-384')").textValue())
        .isEqualTo(
            "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b"
                + "87525bdc835ebb27e1fb9e9374a15562");
    assertThat(eval("States.Hash('input data', 'SHA-512')").textValue())
        .isEqualTo(
            "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce"
                + "2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4");
  }

  @Test
  void hash_ofANonStringHashesItsJsonText() {
    assertThat(eval("States.Hash($.o, 'SHA-256')", json("{'o': {'a': 1}}")).textValue())
        .isEqualTo("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
  }

  @Test
  void hash_rejectsUnsupportedAlgorithmsAndLongInput() {
    assertThat(failure("States.Hash('data', 'SHA-3')", json("{}")).cause()).contains("SHA-3");
    failure("States.Hash('data', 'sha-1')", json("{}"));
    failure("States.Hash('data', 1)", json("{}"));
    ObjectNode input = MAPPER.createObjectNode().put("data", "x".repeat(10_001));
    failure("States.Hash($.data, 'MD5')", input);
  }

  // --- States.StringSplit

  @Test
  void stringSplit_splitsOnAnyDelimiterCharacter() {
    JsonNode input = json("{'inputString': 'This.is+a,test=string', 'splitter': '.+,='}");

    assertThat(eval("States.StringSplit('1,2,3,4,5', ',')"))
        .isEqualTo(json("['1', '2', '3', '4', '5']"));
    assertThat(eval("States.StringSplit($.inputString, $.splitter)", input))
        .isEqualTo(json("['This', 'is', 'a', 'test', 'string']"));
  }

  @Test
  void stringSplit_leavesOutEmptyPieces() {
    assertThat(eval("States.StringSplit(',a,,b,', ',')")).isEqualTo(json("['a', 'b']"));
    assertThat(eval("States.StringSplit('', ',')")).isEqualTo(json("[]"));
    failure("States.StringSplit(1, ',')", json("{}"));
  }

  // --- math and UUID

  @Test
  void mathRandom_staysWithinStartInclusiveAndEndExclusive() {
    Random random = new Random(3);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(
          Intrinsics.evaluate("States.MathRandom(1, 4)", json("{}"), CONTEXT, random).intValue());
    }

    assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void mathRandom_withASeedIsRepeatable() {
    JsonNode first =
        Intrinsics.evaluate("States.MathRandom(1, 1000, 42)", json("{}"), CONTEXT, new Random(1));
    JsonNode second =
        Intrinsics.evaluate("States.MathRandom(1, 1000, 42)", json("{}"), CONTEXT, new Random(2));

    assertThat(first).isEqualTo(second);
    assertThat(first.intValue()).isEqualTo(new Random(42).nextInt(1, 1000));
  }

  @Test
  void mathRandom_takesItsRandomnessFromTheGivenSource() {
    JsonNode first =
        Intrinsics.evaluate("States.MathRandom(0, 1000000)", json("{}"), CONTEXT, new Random(9));
    JsonNode second =
        Intrinsics.evaluate("States.MathRandom(0, 1000000)", json("{}"), CONTEXT, new Random(9));

    assertThat(first).isEqualTo(second);
  }

  @Test
  void mathRandom_rejectsAStartNotBelowTheEnd() {
    failure("States.MathRandom(5, 5)", json("{}"));
    failure("States.MathRandom(6, 5)", json("{}"));
    failure("States.MathRandom('1', 5)", json("{}"));
  }

  @Test
  void mathAdd_addsTwoIntegers() {
    JsonNode input = json("{'value1': 111, 'step': -1}");

    assertThat(eval("States.MathAdd($.value1, $.step)", input)).isEqualTo(json("110"));
    assertThat(eval("States.MathAdd(111, -1)")).isEqualTo(json("110"));
    assertThat(eval("States.MathAdd(2147483647, 1)").longValue()).isEqualTo(2147483648L);
  }

  @Test
  void mathAdd_roundsNonIntegersToTheNearestInteger() {
    assertThat(eval("States.MathAdd(1.6, 1)")).isEqualTo(json("3"));
    assertThat(eval("States.MathAdd(1.4, 1)")).isEqualTo(json("2"));
  }

  @Test
  void mathAdd_rejectsValuesOutOfRangeAndNonNumbers() {
    failure("States.MathAdd(2147483648, 1)", json("{}"));
    failure("States.MathAdd(-2147483649, 1)", json("{}"));
    failure("States.MathAdd('1', 2)", json("{}"));
    failure("States.MathAdd(null, 2)", json("{}"));
  }

  @Test
  void uuid_isAVersion4UuidDrawnFromTheGivenRandom() {
    String first =
        Intrinsics.evaluate("States.UUID()", json("{}"), CONTEXT, new Random(5)).textValue();
    String again =
        Intrinsics.evaluate("States.UUID()", json("{}"), CONTEXT, new Random(5)).textValue();
    String other =
        Intrinsics.evaluate("States.UUID()", json("{}"), CONTEXT, new Random(6)).textValue();

    assertThat(first)
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(UUID.fromString(first).version()).isEqualTo(4);
    assertThat(UUID.fromString(first).variant()).isEqualTo(2);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  // --- syntax, paths, nesting

  @Test
  void literals_parseNumbersBooleansAndNull() {
    assertThat(eval("States.Array(-3, 2.5, 0, 12345678901, -0.25, true, false, null)"))
        .isEqualTo(json("[-3, 2.5, 0, 12345678901, -0.25, true, false, null]"));
  }

  @Test
  void whitespace_betweenArgumentsIsAllowed() {
    assertThat(eval("States.MathAdd(  1 ,\t2\n)  ")).isEqualTo(json("3"));
    assertThat(eval("States.Array( $.a , 'x' )", json("{'a': 1}"))).isEqualTo(json("[1, 'x']"));
  }

  @Test
  void paths_readTheInputAndTheContextObject() {
    JsonNode input = json("{'first name': 'Ada', 'list': [10, 20, 30]}");

    assertThat(eval("States.Array($['first name'], $.list[1], $$.Execution.Id, $)", input))
        .isEqualTo(
            json("['Ada', 20, 'arn:execution:1', {'first name': 'Ada', 'list': [10, 20, 30]}]"));
  }

  @Test
  void paths_thatAreMissingFailWithIntrinsicFailure() {
    failure("States.Array($.missing)", json("{'present': 1}"));
    failure("States.Format('{}', $$.Nope.Id)", json("{}"));
  }

  @Test
  void results_doNotShareNodesWithTheInput() {
    JsonNode input = json("{'o': {'a': 1}}");

    JsonNode result = eval("States.Array($.o)", input);
    ((ObjectNode) result.get(0)).put("added", true);

    assertThat(input).isEqualTo(json("{'o': {'a': 1}}"));
  }

  @Test
  void nestedCalls_evaluateInnerCallsFirst() {
    JsonNode input =
        json(
            "{'ImageRecipe': {'Arn': 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.2.3'}}");

    String expression =
        "States.Format('{}.{}', "
            + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
            + "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), "
            + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
            + "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";

    assertThat(eval(expression, input).textValue()).isEqualTo("1.2");
  }

  @Test
  void nesting_allowsTenLevelsAndRejectsEleven() {
    String ten = nestedArrays(10);
    String eleven = nestedArrays(11);

    assertThatCode(() -> Intrinsics.validate(ten)).doesNotThrowAnyException();
    assertThat(eval(ten)).isEqualTo(json("[[[[[[[[[[1]]]]]]]]]]"));
    assertThatThrownBy(() -> Intrinsics.validate(eleven))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested");
    failure(eleven, json("{}"));
  }

  @Test
  void validate_rejectsUnknownFunctions() {
    assertThatThrownBy(() -> Intrinsics.validate("States.Nope(1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("States.Nope");
    assertThatThrownBy(() -> Intrinsics.validate("States.Array(States.ArrayLenght($.a))"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("States.ArrayLenght");
    assertThat(failure("States.Nope(1)", json("{}")).cause()).contains("States.Nope");
  }

  @Test
  void validate_rejectsWrongArgumentCounts() {
    assertThatThrownBy(() -> Intrinsics.validate("States.ArrayLength($.a, 1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("States.ArrayLength")
        .hasMessageContaining("exactly 1 argument");
    assertThatThrownBy(() -> Intrinsics.validate("States.UUID(1)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Intrinsics.validate("States.MathRandom(1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 to 3 arguments");
    assertThatThrownBy(() -> Intrinsics.validate("States.Format()"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 argument");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "States.Array(1",
        "States.Array('a)",
        "States.Array(1,)",
        "States.Array(,1)",
        "States.Array(1) extra",
        "States.Array(1 2)",
        "States.Array(foo)",
        "States.Array(1x)",
        "States.Array(-)",
        "States.Array($.a[)",
        "States.Format('bad \\n escape')",
        "States.Array",
        "Array(1)",
        ""
      })
  void validate_rejectsMalformedExpressions(String expression) {
    assertThatThrownBy(() -> Intrinsics.validate(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid intrinsic function");
    failure(expression, json("{}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "States.UUID()",
        "States.Array()",
        "States.Format('{} {}', $.a, $$.Execution.Id)",
        "States.JsonMerge($.a, $.b, false)",
        "States.MathRandom(1, 10, 7)",
        "States.Array($.list[0], $['key'], States.ArrayLength($.list))"
      })
  void validate_acceptsWellFormedExpressions(String expression) {
    assertThatCode(() -> Intrinsics.validate(expression)).doesNotThrowAnyException();
  }

  @Test
  void isIntrinsic_recognisesStatesCalls() {
    assertThat(Intrinsics.isIntrinsic("States.Array(1)")).isTrue();
    assertThat(Intrinsics.isIntrinsic("States.UUID()")).isTrue();
    assertThat(Intrinsics.isIntrinsic("$.a")).isFalse();
    assertThat(Intrinsics.isIntrinsic("States.Array")).isFalse();
    assertThat(Intrinsics.isIntrinsic("Format('x')")).isFalse();
    assertThat(Intrinsics.isIntrinsic(null)).isFalse();
  }

  @Test
  void evaluate_sameExpressionAgainUsesTheNewInput() {
    String expression = "States.Format('value {}', $.v)";

    assertThat(eval(expression, json("{'v': 1}")).textValue()).isEqualTo("value 1");
    assertThat(eval(expression, json("{'v': 2}")).textValue()).isEqualTo("value 2");
  }

  // --- helpers

  private static String nestedArrays(int levels) {
    String expression = "States.Array(1)";
    for (int i = 1; i < levels; i++) {
      expression = "States.Array(" + expression + ")";
    }
    return expression;
  }

  private static JsonNode eval(String expression) {
    return eval(expression, json("{}"));
  }

  private static JsonNode eval(String expression, JsonNode input) {
    return Intrinsics.evaluate(expression, input, CONTEXT, new Random(42));
  }

  /** Evaluates an expression that must fail, and returns the States.IntrinsicFailure it raised. */
  private static StatesError failure(String expression, JsonNode input) {
    Throwable thrown =
        catchThrowable(() -> Intrinsics.evaluate(expression, input, CONTEXT, new Random(42)));
    assertThat(thrown).isInstanceOf(StatesError.class);
    StatesError error = (StatesError) thrown;
    assertThat(error.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
    return error;
  }

  /** JSON written with single quotes for readability (no value here contains an apostrophe). */
  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
