package io.powertune.statemachine.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRuleTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String AT = "/States/Check/Choices/0";
  private static final String FAILED = "SCHEMA_VALIDATION_FAILED: ";
  private static final JsonNode CONTEXT =
      json(
          """
          {"Execution": {"Name": "run-1", "StartTime": "2016-03-14T01:59:00Z"},
           "State": {"Name": "Check"}}
          """);

  // ---------------------------------------------------------------- evaluation

  @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"Variable": "$.v", "StringEquals": "abc"}              | {"v": "abc"} | true
          {"Variable": "$.v", "StringEquals": "abc"}              | {"v": "abd"} | false
          {"Variable": "$.v", "StringEquals": "abc"}              | {"v": "ABC"} | false
          {"Variable": "$.v", "StringLessThan": "abd"}            | {"v": "abc"} | true
          {"Variable": "$.v", "StringLessThan": "abc"}            | {"v": "abc"} | false
          {"Variable": "$.v", "StringLessThan": "abc"}            | {"v": "ab"}  | true
          {"Variable": "$.v", "StringLessThan": "a"}              | {"v": "B"}   | true
          {"Variable": "$.v", "StringGreaterThan": "z"}           | {"v": "\u00e9"} | true
          {"Variable": "$.v", "StringGreaterThan": "abc"}         | {"v": "abd"} | true
          {"Variable": "$.v", "StringGreaterThan": "abc"}         | {"v": "abc"} | false
          {"Variable": "$.v", "StringLessThanEquals": "abc"}      | {"v": "abc"} | true
          {"Variable": "$.v", "StringLessThanEquals": "abc"}      | {"v": "abd"} | false
          {"Variable": "$.v", "StringGreaterThanEquals": "abc"}   | {"v": "abc"} | true
          {"Variable": "$.v", "StringGreaterThanEquals": "abc"}   | {"v": "abb"} | false
          {"Variable": "$.v", "NumericEquals": 1}                 | {"v": 1.0}   | true
          {"Variable": "$.v", "NumericEquals": 1.50}              | {"v": 1.5}   | true
          {"Variable": "$.v", "NumericEquals": 0.1}               | {"v": 0.10}  | true
          {"Variable": "$.v", "NumericEquals": 1}                 | {"v": 2}     | false
          {"Variable": "$.v", "NumericLessThan": 10}              | {"v": 9.99}  | true
          {"Variable": "$.v", "NumericLessThan": 10}              | {"v": -20}   | true
          {"Variable": "$.v", "NumericLessThan": 10}              | {"v": 10}    | false
          {"Variable": "$.v", "NumericGreaterThan": 10}           | {"v": 10.01} | true
          {"Variable": "$.v", "NumericGreaterThan": 10}           | {"v": 10}    | false
          {"Variable": "$.v", "NumericGreaterThan": 9007199254740992} | {"v": 9007199254740993} | true
          {"Variable": "$.v", "NumericLessThanEquals": 10}        | {"v": 10.0}  | true
          {"Variable": "$.v", "NumericLessThanEquals": 10}        | {"v": 10.5}  | false
          {"Variable": "$.v", "NumericGreaterThanEquals": 10}     | {"v": 10}    | true
          {"Variable": "$.v", "NumericGreaterThanEquals": 10}     | {"v": 9}     | false
          {"Variable": "$.v", "BooleanEquals": true}              | {"v": true}  | true
          {"Variable": "$.v", "BooleanEquals": true}              | {"v": false} | false
          {"Variable": "$.v", "BooleanEquals": false}             | {"v": false} | true
          {"Variable": "$.v", "BooleanEquals": false}             | {"v": true}  | false
          """)
  void stringNumericAndBooleanComparisons(String rule, String input, boolean expected) {
    assertThat(matches(rule, input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T01:59:00Z"} | true
          {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T02:59:00+01:00"} | true
          {"Variable": "$.t", "TimestampEquals": "2016-03-13T20:29:00Z"} | {"t": "2016-03-14T01:59:00+05:30"} | true
          {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T01:59:00.000Z"} | true
          {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T01:59:00.5Z"} | false
          {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T01:59:00+01:00"} | false
          {"Variable": "$.t", "TimestampLessThan": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T01:58:59.999Z"} | true
          {"Variable": "$.t", "TimestampLessThan": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T02:30:00+01:00"} | true
          {"Variable": "$.t", "TimestampLessThan": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T01:59:00Z"} | false
          {"Variable": "$.t", "TimestampGreaterThan": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T00:30:00-02:00"} | true
          {"Variable": "$.t", "TimestampGreaterThan": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T02:30:00+01:00"} | false
          {"Variable": "$.t", "TimestampLessThanEquals": "2016-03-14T01:59:00Z"} | {"t": "2016-03-13T23:59:00-02:00"} | true
          {"Variable": "$.t", "TimestampLessThanEquals": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T01:59:00.001Z"} | false
          {"Variable": "$.t", "TimestampGreaterThanEquals": "2016-03-14T01:59:00.123Z"} | {"t": "2016-03-14T01:59:00.123Z"} | true
          {"Variable": "$.t", "TimestampGreaterThanEquals": "2016-03-14T01:59:00Z"} | {"t": "2016-03-14T02:58:59+01:00"} | false
          """)
  void timestampsCompareAsInstants(String rule, String input, boolean expected) {
    assertThat(matches(rule, input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"Variable": "$.v", "StringEquals": "1"}          | {"v": 1}      | false
          {"Variable": "$.v", "StringLessThan": "z"}        | {"v": null}   | false
          {"Variable": "$.v", "StringEquals": "x"}          | {"v": ["x"]}  | false
          {"Variable": "$.v", "NumericEquals": 1}           | {"v": "1"}    | false
          {"Variable": "$.v", "NumericLessThan": 1}         | {"v": true}   | false
          {"Variable": "$.v", "NumericGreaterThanEquals": 1} | {"v": {"n": 2}} | false
          {"Variable": "$.v", "BooleanEquals": true}        | {"v": "true"} | false
          {"Variable": "$.v", "BooleanEquals": false}       | {"v": 0}      | false
          {"Variable": "$.v", "BooleanEquals": false}       | {"v": null}   | false
          {"Variable": "$.v", "TimestampEquals": "2016-03-14T01:59:00Z"}    | {"v": 1457920740} | false
          {"Variable": "$.v", "TimestampLessThan": "2016-03-14T01:59:00Z"}  | {"v": "yesterday"} | false
          {"Variable": "$.v", "TimestampGreaterThan": "2016-03-14T01:59:00Z"} | {"v": "2017-03-14"} | false
          {"Variable": "$.v", "TimestampGreaterThan": "2016-03-14T01:59:00Z"} | {"v": "2017-03-14T01:59:00"} | false
          {"Variable": "$.v", "StringMatches": "*"}         | {"v": 5}      | false
          {"Not": {"Variable": "$.v", "StringEquals": "1"}} | {"v": 1}      | true
          """)
  void aValueOfTheWrongTypeMakesTheComparisonFalse(String rule, String input, boolean expected) {
    assertThat(matches(rule, input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"Variable": "$.v", "IsNull": true}       | {"v": null}    | true
          {"Variable": "$.v", "IsNull": true}       | {"v": 0}       | false
          {"Variable": "$.v", "IsNull": false}      | {"v": 0}       | true
          {"Variable": "$.v", "IsNull": false}      | {"v": null}    | false
          {"Variable": "$.v", "IsNumeric": true}    | {"v": 1.5}     | true
          {"Variable": "$.v", "IsNumeric": true}    | {"v": "1.5"}   | false
          {"Variable": "$.v", "IsNumeric": false}   | {"v": "1.5"}   | true
          {"Variable": "$.v", "IsNumeric": false}   | {"v": -3}      | false
          {"Variable": "$.v", "IsString": true}     | {"v": "x"}     | true
          {"Variable": "$.v", "IsString": true}     | {"v": 1}       | false
          {"Variable": "$.v", "IsString": false}    | {"v": null}    | true
          {"Variable": "$.v", "IsString": false}    | {"v": ""}      | false
          {"Variable": "$.v", "IsBoolean": true}    | {"v": false}   | true
          {"Variable": "$.v", "IsBoolean": true}    | {"v": "true"}  | false
          {"Variable": "$.v", "IsBoolean": false}   | {"v": 0}       | true
          {"Variable": "$.v", "IsBoolean": false}   | {"v": true}    | false
          {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-03-14T01:59:00Z"} | true
          {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-03-14T01:59:00.123456-07:00"} | true
          {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-13-14T01:59:00Z"} | false
          {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-02-30T01:59:00Z"} | false
          {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-03-14t01:59:00z"} | false
          {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-03-14T01:59Z"} | false
          {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-03-14"} | false
          {"Variable": "$.v", "IsTimestamp": true}  | {"v": 1457920740} | false
          {"Variable": "$.v", "IsTimestamp": false} | {"v": "yesterday"} | true
          {"Variable": "$.v", "IsTimestamp": false} | {"v": "2016-03-14T01:59:00+01:00"} | false
          {"Variable": "$.v", "IsPresent": true}    | {"v": 1}       | true
          {"Variable": "$.v", "IsPresent": true}    | {"v": null}    | true
          {"Variable": "$.v", "IsPresent": true}    | {}             | false
          {"Variable": "$.v", "IsPresent": false}   | {}             | true
          {"Variable": "$.v", "IsPresent": false}   | {"v": "x"}     | false
          {"Variable": "$.v.w", "IsPresent": true}  | {"v": {}}      | false
          {"Variable": "$.x.y", "IsPresent": true}  | {}             | false
          {"Variable": "$.v[1]", "IsPresent": true} | {"v": [0, 1]}  | true
          """)
  void typeTests(String rule, String input, boolean expected) {
    assertThat(matches(rule, input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"Variable": "$.a", "StringEqualsPath": "$.b"}             | {"a": "x", "b": "x"} | true
          {"Variable": "$.a", "StringEqualsPath": "$.b"}             | {"a": "x", "b": "y"} | false
          {"Variable": "$.a", "StringLessThanPath": "$.b"}           | {"a": "x", "b": "y"} | true
          {"Variable": "$.a", "StringLessThanPath": "$.b"}           | {"a": "y", "b": "y"} | false
          {"Variable": "$.a", "StringGreaterThanPath": "$.b"}        | {"a": "z", "b": "y"} | true
          {"Variable": "$.a", "StringGreaterThanPath": "$.b"}        | {"a": "x", "b": "y"} | false
          {"Variable": "$.a", "StringLessThanEqualsPath": "$.b"}     | {"a": "y", "b": "y"} | true
          {"Variable": "$.a", "StringLessThanEqualsPath": "$.b"}     | {"a": "z", "b": "y"} | false
          {"Variable": "$.a", "StringGreaterThanEqualsPath": "$.b"}  | {"a": "y", "b": "y"} | true
          {"Variable": "$.a", "StringGreaterThanEqualsPath": "$.b"}  | {"a": "x", "b": "y"} | false
          {"Variable": "$.a", "NumericEqualsPath": "$.b"}            | {"a": 2, "b": 2.0}   | true
          {"Variable": "$.a", "NumericEqualsPath": "$.b"}            | {"a": 2, "b": 3}     | false
          {"Variable": "$.a", "NumericEqualsPath": "$.b"}            | {"a": 2, "b": "2"}   | false
          {"Variable": "$.a", "NumericLessThanPath": "$.b"}          | {"a": 1, "b": 2}     | true
          {"Variable": "$.a", "NumericLessThanPath": "$.b"}          | {"a": 2, "b": 2}     | false
          {"Variable": "$.a", "NumericGreaterThanPath": "$.b"}       | {"a": 3, "b": 2}     | true
          {"Variable": "$.a", "NumericGreaterThanPath": "$.b"}       | {"a": 1, "b": 2}     | false
          {"Variable": "$.a", "NumericLessThanEqualsPath": "$.b"}    | {"a": 2, "b": 2}     | true
          {"Variable": "$.a", "NumericLessThanEqualsPath": "$.b"}    | {"a": 3, "b": 2}     | false
          {"Variable": "$.a", "NumericGreaterThanEqualsPath": "$.b"} | {"a": 2, "b": 2}     | true
          {"Variable": "$.a", "NumericGreaterThanEqualsPath": "$.b"} | {"a": 1, "b": 2}     | false
          {"Variable": "$.a.x", "NumericEqualsPath": "$.b[1]"}       | {"a": {"x": 5}, "b": [4, 5]} | true
          {"Variable": "$.a", "BooleanEqualsPath": "$.b"}            | {"a": true, "b": true}  | true
          {"Variable": "$.a", "BooleanEqualsPath": "$.b"}            | {"a": true, "b": false} | false
          {"Variable": "$.a", "BooleanEqualsPath": "$.b"}            | {"a": true, "b": "true"} | false
          {"Variable": "$.a", "TimestampEqualsPath": "$.b"}          | {"a": "2016-03-14T01:59:00Z", "b": "2016-03-13T21:59:00-04:00"} | true
          {"Variable": "$.a", "TimestampEqualsPath": "$.b"}          | {"a": "2016-03-14T01:59:00Z", "b": "not a time"} | false
          {"Variable": "$.a", "TimestampLessThanPath": "$.b"}        | {"a": "2016-03-14T01:59:00Z", "b": "2016-03-14T01:59:01Z"} | true
          {"Variable": "$.a", "TimestampLessThanPath": "$.b"}        | {"a": "2016-03-14T01:59:00Z", "b": "2016-03-14T02:00:00+01:00"} | false
          {"Variable": "$.a", "TimestampGreaterThanPath": "$.b"}     | {"a": "2016-03-14T01:59:00Z", "b": "2016-03-14T02:00:00+01:00"} | true
          {"Variable": "$.a", "TimestampGreaterThanPath": "$.b"}     | {"a": "2016-03-14T01:59:00Z", "b": "2016-03-14T01:59:01Z"} | false
          {"Variable": "$.a", "TimestampLessThanEqualsPath": "$.b"}  | {"a": "2016-03-14T01:59:00Z", "b": "2016-03-14T02:59:00+01:00"} | true
          {"Variable": "$.a", "TimestampLessThanEqualsPath": "$.b"}  | {"a": "2016-03-14T01:59:01Z", "b": "2016-03-14T01:59:00Z"} | false
          {"Variable": "$.a", "TimestampGreaterThanEqualsPath": "$.b"} | {"a": "2016-03-14T01:59:00Z", "b": "2016-03-14T02:59:00+01:00"} | true
          {"Variable": "$.a", "TimestampGreaterThanEqualsPath": "$.b"} | {"a": "2016-03-14T01:58:59Z", "b": "2016-03-14T01:59:00Z"} | false
          """)
  void pathVariantsCompareWithTheValueTheirPathReads(String rule, String input, boolean expected) {
    assertThat(matches(rule, input)).isEqualTo(expected);
  }

  @Test
  void contextPaths_readTheContextObject() {
    assertThat(matches("{\"Variable\": \"$$.Execution.Name\", \"StringEquals\": \"run-1\"}", "{}"))
        .isTrue();
    assertThat(matches("{\"Variable\": \"$$.Execution.Name\", \"StringEquals\": \"run-2\"}", "{}"))
        .isFalse();
    String byPath = "{\"Variable\": \"$.name\", \"StringEqualsPath\": \"$$.Execution.Name\"}";
    assertThat(matches(byPath, "{\"name\": \"run-1\"}")).isTrue();
    assertThat(matches(byPath, "{\"name\": \"run-2\"}")).isFalse();
    assertThat(
            matches(
                "{\"Variable\": \"$.t\", \"TimestampLessThanPath\": \"$$.Execution.StartTime\"}",
                "{\"t\": \"2016-03-14T02:58:00+01:00\"}"))
        .isTrue();
    assertThat(matches("{\"Variable\": \"$$.Execution.Nope\", \"IsPresent\": true}", "{}"))
        .isFalse();
  }

  @Test
  void theRootPath_isTheWholeInput() {
    assertThat(matches("{\"Variable\": \"$\", \"IsString\": true}", "\"hello\"")).isTrue();
    assertThat(matches("{\"Variable\": \"$\", \"NumericEquals\": 7}", "7")).isTrue();
    assertThat(matches("{\"Variable\": \"$\", \"IsString\": true}", "{}")).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"And": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.s", "StringEquals": "x"}]} | {"n": 2, "s": "x"} | true
          {"And": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.s", "StringEquals": "x"}]} | {"n": 2, "s": "y"} | false
          {"And": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.s", "StringEquals": "x"}]} | {"n": 0, "s": "x"} | false
          {"And": [{"Variable": "$.n", "NumericGreaterThan": 1}]}                                          | {"n": 2}           | true
          {"Or": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.s", "StringEquals": "x"}]}  | {"n": 0, "s": "x"} | true
          {"Or": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.s", "StringEquals": "x"}]}  | {"n": 2, "s": "y"} | true
          {"Or": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.s", "StringEquals": "x"}]}  | {"n": 0, "s": "y"} | false
          {"Not": {"Variable": "$.s", "StringEquals": "x"}}                                                 | {"s": "x"}         | false
          {"Not": {"Variable": "$.s", "StringEquals": "x"}}                                                 | {"s": "y"}         | true
          {"Not": {"Not": {"Variable": "$.s", "StringEquals": "x"}}}                                        | {"s": "x"}         | true
          {"Not": {"Or": [{"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 10}, {"Variable": "$.n", "NumericLessThan": 20}]}, {"Variable": "$.s", "IsNull": true}]}} | {"n": 15, "s": "a"}  | false
          {"Not": {"Or": [{"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 10}, {"Variable": "$.n", "NumericLessThan": 20}]}, {"Variable": "$.s", "IsNull": true}]}} | {"n": 25, "s": "a"}  | true
          {"Not": {"Or": [{"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 10}, {"Variable": "$.n", "NumericLessThan": 20}]}, {"Variable": "$.s", "IsNull": true}]}} | {"n": 25, "s": null} | false
          {"Not": {"Or": [{"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 10}, {"Variable": "$.n", "NumericLessThan": 20}]}, {"Variable": "$.s", "IsNull": true}]}} | {"n": 5, "s": "a"}   | true
          """)
  void booleanCombinators(String rule, String input, boolean expected) {
    assertThat(matches(rule, input)).isEqualTo(expected);
  }

  @Test
  void parse_buildsTheTreeOfRules() {
    ChoiceRule rule =
        parseValid(
            """
            {"Not": {"Or": [
               {"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 10},
                        {"Variable": "$.s", "StringMatches": "a*"}]},
               {"Variable": "$.b", "BooleanEqualsPath": "$$.State.Flag"}]},
             "Next": "Done", "Comment": "not in range"}
            """,
            true);

    assertThat(rule)
        .isEqualTo(
            new Not(
                new Or(
                    List.of(
                        new And(
                            List.of(
                                new Comparison(
                                    "$.n",
                                    Operator.NUMERIC_GREATER_THAN_EQUALS,
                                    IntNode.valueOf(10)),
                                new Comparison(
                                    "$.s", Operator.STRING_MATCHES, TextNode.valueOf("a*")))),
                        new Comparison(
                            "$.b",
                            Operator.BOOLEAN_EQUALS_PATH,
                            TextNode.valueOf("$$.State.Flag"))))));
  }

  // ---------------------------------------------------------------- StringMatches

  @Test
  void stringMatches_starMatchesAnySequenceIncludingNone() {
    assertThat(stringMatches("*.log", "server.log")).isTrue();
    assertThat(stringMatches("*.log", ".log")).isTrue();
    assertThat(stringMatches("*.log", "server.txt")).isFalse();
    assertThat(stringMatches("log-*-2024", "log-abc-2024")).isTrue();
    assertThat(stringMatches("log-*-2024", "log--2024")).isTrue();
    assertThat(stringMatches("log-*-2024", "log-abc-2025")).isFalse();
    assertThat(stringMatches("*", "")).isTrue();
    assertThat(stringMatches("*", "anything at all")).isTrue();
    assertThat(stringMatches("**", "x")).isTrue();
    assertThat(stringMatches("a*b*c", "abc")).isTrue();
    assertThat(stringMatches("a*b*c", "aXXbYYc")).isTrue();
    assertThat(stringMatches("a*b*c", "acb")).isFalse();
    assertThat(stringMatches("*aa", "aaa")).isTrue();
    assertThat(stringMatches("a*a", "a")).isFalse();
    assertThat(stringMatches("a*ab*b", "aab")).isFalse();
    assertThat(stringMatches("a*ab*b", "aabb")).isTrue();
  }

  @Test
  void stringMatches_theWholeStringMustMatch() {
    assertThat(stringMatches("ab", "ab")).isTrue();
    assertThat(stringMatches("ab", "abc")).isFalse();
    assertThat(stringMatches("ab", "xab")).isFalse();
    assertThat(stringMatches("", "")).isTrue();
    assertThat(stringMatches("", "a")).isFalse();
    assertThat(stringMatches("a.c", "abc")).isFalse();
  }

  @Test
  void stringMatches_escapedStarAndBackslashAreLiterals() {
    // pattern a\*b: a literal star
    assertThat(stringMatches("a\\*b", "a*b")).isTrue();
    assertThat(stringMatches("a\\*b", "aXb")).isFalse();
    assertThat(stringMatches("a\\*b", "ab")).isFalse();
    // pattern a\\b: a literal backslash
    assertThat(stringMatches("a\\\\b", "a\\b")).isTrue();
    assertThat(stringMatches("a\\\\b", "a\\\\b")).isFalse();
    // pattern \\*: a literal backslash, then a wildcard
    assertThat(stringMatches("\\\\*", "\\anything")).isTrue();
    assertThat(stringMatches("\\\\*", "anything")).isFalse();
    // pattern *\*: anything ending in a star
    assertThat(stringMatches("*\\*", "note*")).isTrue();
    assertThat(stringMatches("*\\*", "note")).isFalse();
  }

  // ---------------------------------------------------------------- runtime errors

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"Variable": "$.missing", "StringEquals": "x"}
          {"Variable": "$.missing", "NumericLessThan": 1}
          {"Variable": "$.missing", "BooleanEquals": true}
          {"Variable": "$.missing", "TimestampEquals": "2016-03-14T01:59:00Z"}
          {"Variable": "$.missing", "StringMatches": "*"}
          {"Variable": "$.missing", "IsNull": false}
          {"Variable": "$.missing", "IsString": false}
          {"Variable": "$.missing", "IsTimestamp": false}
          {"Variable": "$.missing", "StringEqualsPath": "$.other"}
          {"Variable": "$.missing.deeper", "NumericEquals": 1}
          {"And": [{"Variable": "$.other", "IsPresent": true}, {"Variable": "$.missing", "IsNumeric": true}]}
          """)
  void aVariableThatMatchesNothing_isStatesRuntime(String rule) {
    ChoiceRule parsed = parseValid(rule, false);

    assertThatThrownBy(() -> parsed.matches(json("{\"other\": \"x\"}"), CONTEXT))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
              assertThat(e.cause()).contains("$.missing");
            });
  }

  @Test
  void anOperandPathThatMatchesNothing_isStatesRuntime() {
    ChoiceRule rule =
        parseValid("{\"Variable\": \"$.a\", \"NumericEqualsPath\": \"$.nope\"}", false);

    assertThatThrownBy(() -> rule.matches(json("{\"a\": 1}"), CONTEXT))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
              assertThat(e.cause()).contains("$.nope");
            });
  }

  // ---------------------------------------------------------------- parse problems

  @Test
  void parse_validTopLevelRule_withNextAndComment() {
    List<String> problems = new ArrayList<>();
    ChoiceRule rule =
        ChoiceRuleParser.parse(
            json(
                """
                {"Variable": "$.v", "StringEquals": "x", "Next": "A", "Comment": "why"}
                """),
            AT,
            true,
            problems);

    assertThat(problems).isEmpty();
    assertThat(rule)
        .isEqualTo(new Comparison("$.v", Operator.STRING_EQUALS, TextNode.valueOf("x")));
  }

  @Test
  void parse_unknownOperator() {
    assertThat(
            problemsOf("{\"Variable\": \"$.v\", \"StringEqualz\": \"x\", \"Next\": \"A\"}", true))
        .containsExactly(
            FAILED + "Field 'StringEqualz' is not supported at " + AT + "/StringEqualz",
            FAILED
                + "A choice rule needs 'And', 'Or', 'Not' or a comparison operator such as"
                + " 'StringEquals' at "
                + AT);
  }

  @Test
  void parse_unknownFieldBesideAnOperator() {
    assertThat(
            problemsOf(
                "{\"Variable\": \"$.v\", \"IsNull\": true, \"Extra\": 1, \"Next\": \"A\"}", true))
        .containsExactly(FAILED + "Field 'Extra' is not supported at " + AT + "/Extra");
  }

  @Test
  void parse_twoOperators() {
    assertThat(
            problemsOf(
                "{\"Variable\": \"$.v\", \"StringEquals\": \"x\", \"NumericEquals\": 1,"
                    + " \"Next\": \"A\"}",
                true))
        .containsExactly(
            FAILED
                + "A choice rule cannot have more than one comparison operator:"
                + " [StringEquals, NumericEquals] at "
                + AT);
  }

  @Test
  void parse_noOperatorAndNoVariable() {
    assertThat(problemsOf("{}", false))
        .containsExactly(
            FAILED + "These fields are required: [Variable] at " + AT,
            FAILED
                + "A choice rule needs 'And', 'Or', 'Not' or a comparison operator such as"
                + " 'StringEquals' at "
                + AT);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {"Variable": "$.v", "StringEquals": 1}               | StringEquals         | Field 'StringEquals' must be a string
          {"Variable": "$.v", "StringLessThanEquals": null}    | StringLessThanEquals | Field 'StringLessThanEquals' must be a string
          {"Variable": "$.v", "StringMatches": true}           | StringMatches        | Field 'StringMatches' must be a string
          {"Variable": "$.v", "NumericEquals": "1"}            | NumericEquals        | Field 'NumericEquals' must be a number
          {"Variable": "$.v", "NumericGreaterThan": [1]}       | NumericGreaterThan   | Field 'NumericGreaterThan' must be a number
          {"Variable": "$.v", "BooleanEquals": "true"}         | BooleanEquals        | Field 'BooleanEquals' must be a boolean
          {"Variable": "$.v", "TimestampEquals": "yesterday"}  | TimestampEquals      | Field 'TimestampEquals' must be an RFC 3339 timestamp
          {"Variable": "$.v", "TimestampLessThan": 1457920740} | TimestampLessThan    | Field 'TimestampLessThan' must be an RFC 3339 timestamp
          {"Variable": "$.v", "TimestampGreaterThan": "2016-03-14T01:59:00"} | TimestampGreaterThan | Field 'TimestampGreaterThan' must be an RFC 3339 timestamp
          {"Variable": "$.v", "TimestampEquals": "2016-02-30T01:59:00Z"}     | TimestampEquals      | Field 'TimestampEquals' must be an RFC 3339 timestamp
          {"Variable": "$.v", "TimestampEquals": "2016-03-14 01:59:00Z"}     | TimestampEquals      | Field 'TimestampEquals' must be an RFC 3339 timestamp
          {"Variable": "$.v", "StringEqualsPath": "b"}         | StringEqualsPath     | Field 'StringEqualsPath' must be a JSONPath
          {"Variable": "$.v", "NumericEqualsPath": 5}          | NumericEqualsPath    | Field 'NumericEqualsPath' must be a JSONPath
          {"Variable": "$.v", "TimestampEqualsPath": "$.a."}   | TimestampEqualsPath  | The value of field 'TimestampEqualsPath' is not a valid JSONPath
          {"Variable": "$.v", "IsNull": "true"}                | IsNull               | Field 'IsNull' must be a boolean
          {"Variable": "$.v", "IsPresent": 1}                  | IsPresent            | Field 'IsPresent' must be a boolean
          {"Variable": "$.v", "IsTimestamp": null}             | IsTimestamp          | Field 'IsTimestamp' must be a boolean
          """)
  void parse_wrongOperandType(String rule, String field, String message) {
    assertThat(problemsOf(rule, false))
        .containsExactly(FAILED + message + " at " + AT + "/" + field);
  }

  @Test
  void parse_missingVariable() {
    assertThat(problemsOf("{\"StringEquals\": \"x\", \"Next\": \"A\"}", true))
        .containsExactly(FAILED + "These fields are required: [Variable] at " + AT);
  }

  @Test
  void parse_variableThatIsNoPath() {
    assertThat(problemsOf("{\"Variable\": \"v\", \"IsNull\": true}", false))
        .containsExactly(FAILED + "Field 'Variable' must be a JSONPath at " + AT + "/Variable");
    assertThat(problemsOf("{\"Variable\": 5, \"IsNull\": true}", false))
        .containsExactly(FAILED + "Field 'Variable' must be a JSONPath at " + AT + "/Variable");
    assertThat(problemsOf("{\"Variable\": \"$.a.\", \"IsNull\": true}", false))
        .containsExactly(
            FAILED
                + "The value of field 'Variable' is not a valid JSONPath at "
                + AT
                + "/Variable");
  }

  @Test
  void parse_topLevelRuleNeedsNext_nestedOneDoesNot() {
    String rule = "{\"Variable\": \"$.v\", \"StringEquals\": \"x\"}";

    assertThat(problemsOf(rule, true))
        .containsExactly(FAILED + "These fields are required: [Next] at " + AT);
    assertThat(parseValid(rule, false)).isInstanceOf(Comparison.class);
  }

  @Test
  void parse_nextMustBeAString() {
    assertThat(problemsOf("{\"Variable\": \"$.v\", \"IsNull\": true, \"Next\": 3}", true))
        .containsExactly(FAILED + "Field 'Next' must be a string at " + AT + "/Next");
  }

  @Test
  void parse_nextInsideANestedRule() {
    assertThat(
            problemsOf(
                """
                {"And": [{"Variable": "$.v", "IsPresent": true},
                         {"Variable": "$.v", "IsPresent": true, "Next": "B"}],
                 "Next": "A"}
                """,
                true))
        .containsExactly(
            FAILED + "A nested choice rule cannot have 'Next' at " + AT + "/And/1/Next");
    assertThat(
            problemsOf(
                "{\"Not\": {\"Variable\": \"$.v\", \"IsPresent\": true, \"Next\": \"B\"},"
                    + " \"Next\": \"A\"}",
                true))
        .containsExactly(FAILED + "A nested choice rule cannot have 'Next' at " + AT + "/Not/Next");
  }

  @Test
  void parse_malformedCombinators() {
    assertThat(problemsOf("{\"And\": []}", false))
        .containsExactly(FAILED + "Field 'And' must be a non-empty array at " + AT + "/And");
    assertThat(problemsOf("{\"Or\": {\"Variable\": \"$.v\", \"IsNull\": true}}", false))
        .containsExactly(FAILED + "Field 'Or' must be a non-empty array at " + AT + "/Or");
    assertThat(problemsOf("{\"Not\": [{\"Variable\": \"$.v\", \"IsNull\": true}]}", false))
        .containsExactly(FAILED + "Field 'Not' must be a JSON object at " + AT + "/Not");
    assertThat(problemsOf("{\"And\": [1]}", false))
        .containsExactly(FAILED + "A choice rule must be a JSON object at " + AT + "/And/0");
    assertThat(
            problemsOf(
                "{\"And\": [{\"Variable\": \"$.v\", \"IsNull\": true}],"
                    + " \"Or\": [{\"Variable\": \"$.v\", \"IsNull\": true}]}",
                false))
        .containsExactly(
            FAILED
                + "A choice rule cannot have more than one of 'And', 'Or' and 'Not': [And, Or] at "
                + AT);
    assertThat(
            problemsOf(
                "{\"And\": [{\"Variable\": \"$.v\", \"IsNull\": true}], \"Variable\": \"$.v\"}",
                false))
        .containsExactly(FAILED + "Field 'Variable' is not supported at " + AT + "/Variable");
  }

  @Test
  void parse_reportsEveryProblemOfNestedRulesAtItsLocation() {
    assertThat(
            problemsOf(
                """
                {"Not": {"Or": [{"Variable": "$.a", "IsPresent": true},
                                {"Variable": "$.b", "NumericEquals": "x"},
                                {"Variable": "c", "IsNull": true}]},
                 "Next": "A"}
                """,
                true))
        .containsExactly(
            FAILED + "Field 'NumericEquals' must be a number at " + AT + "/Not/Or/1/NumericEquals",
            FAILED + "Field 'Variable' must be a JSONPath at " + AT + "/Not/Or/2/Variable");
  }

  @Test
  void parse_aRuleThatIsNotAnObject() {
    assertThat(problemsOf("\"x\"", true))
        .containsExactly(FAILED + "A choice rule must be a JSON object at " + AT);
  }

  @Test
  void parse_judgesOnlyTheProblemsItAdds() {
    List<String> problems = new ArrayList<>(List.of("an earlier problem"));

    ChoiceRule valid =
        ChoiceRuleParser.parse(
            json("{\"Variable\": \"$.v\", \"IsNull\": true, \"Next\": \"A\"}"), AT, true, problems);
    assertThat(valid).isNotNull();
    assertThat(problems).containsExactly("an earlier problem");

    ChoiceRule invalid =
        ChoiceRuleParser.parse(json("{\"Variable\": \"$.v\", \"IsNull\": 1}"), AT, false, problems);
    assertThat(invalid).isNull();
    assertThat(problems).hasSize(2);
  }

  // ---------------------------------------------------------------- operators

  @Test
  void operators_areNamedByTheirFieldAndTakeTheRightOperand() {
    assertThat(Operator.values()).hasSize(39);
    for (Operator operator : Operator.values()) {
      assertThat(Operator.forKey(operator.key())).contains(operator);
      assertThat(operator.isPath()).isEqualTo(operator.key().endsWith("Path"));
      if (operator.isPath()) {
        assertThat(operator.operandKind()).isEqualTo(Operator.OperandKind.PATH);
      }
    }
    assertThat(Operator.forKey("StringEqualz")).isEmpty();
    assertThat(Operator.STRING_MATCHES.operandKind()).isEqualTo(Operator.OperandKind.STRING);
    assertThat(Operator.NUMERIC_LESS_THAN.operandKind()).isEqualTo(Operator.OperandKind.NUMBER);
    assertThat(Operator.BOOLEAN_EQUALS.operandKind()).isEqualTo(Operator.OperandKind.BOOLEAN);
    assertThat(Operator.TIMESTAMP_EQUALS.operandKind()).isEqualTo(Operator.OperandKind.TIMESTAMP);
    assertThat(Operator.IS_PRESENT.operandKind()).isEqualTo(Operator.OperandKind.BOOLEAN);
  }

  @Test
  void theBooleanOperandOfATypeTest_isKeptAsParsed() {
    assertThat(parseValid("{\"Variable\": \"$.v\", \"IsPresent\": false}", false))
        .isEqualTo(new Comparison("$.v", Operator.IS_PRESENT, BooleanNode.FALSE));
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ChoiceRule parseValid(String rule, boolean topLevel) {
    List<String> problems = new ArrayList<>();
    ChoiceRule parsed = ChoiceRuleParser.parse(json(rule), AT, topLevel, problems);
    assertThat(problems).isEmpty();
    assertThat(parsed).isNotNull();
    return parsed;
  }

  private static List<String> problemsOf(String rule, boolean topLevel) {
    List<String> problems = new ArrayList<>();
    ChoiceRule parsed = ChoiceRuleParser.parse(json(rule), AT, topLevel, problems);
    assertThat(parsed).isNull();
    return problems;
  }

  private static boolean matches(String rule, String input) {
    return parseValid(rule, false).matches(json(input), CONTEXT);
  }

  private static boolean stringMatches(String pattern, String text) {
    ObjectNode rule =
        MAPPER.createObjectNode().put("Variable", "$.s").put("StringMatches", pattern);
    ObjectNode input = MAPPER.createObjectNode().put("s", text);
    return parseValid(rule.toString(), false).matches(input, CONTEXT);
  }
}
