package io.powertune.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.strategy.Strategy;
import org.junit.jupiter.api.Test;

class AnalyzerEventReaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  private static AnalyzerEvent read(String text) throws Exception {
    return AnalyzerEventReader.read(json(text));
  }

  private static final String STATS =
      "\"stats\":[{\"value\":128,\"averagePrice\":1,\"averageDuration\":2,\"totalCost\":3}]";

  @Test
  void read_wholeExecutionState_takesWhatTheAnalyzerNeeds() throws Exception {
    AnalyzerEvent event =
        AnalyzerEventReader.read(json(Fixtures.read("events/analyzer-event.json")));

    assertThat(event.stats()).hasSize(4);
    assertThat(event.stats().get(1)).isEqualTo(new PowerStat(256, 2.0e-7, 48.25, 2.0e-6));
    assertThat(event.branches()).isEqualTo(4);
    assertThat(event.strategy()).isEqualTo(Strategy.COST);
    assertThat(event.balancedWeight()).isEqualTo(0.5);
    assertThat(event.num()).isZero();
    assertThat(event.includeOutputResults()).isFalse();
    assertThat(event.dryRun()).isFalse();
  }

  @Test
  void read_nullEntries_areSkippedButCounted() throws Exception {
    AnalyzerEvent event =
        read("{\"stats\":[null,{\"value\":128,\"averagePrice\":1,\"averageDuration\":2}]}");

    assertThat(event.stats()).hasSize(1);
    assertThat(event.branches()).isEqualTo(2);
    assertThat(event.stats().get(0).totalCost()).isZero();
  }

  @Test
  void read_numericStrings_areAcceptedAsTheOriginalDoes() throws Exception {
    AnalyzerEvent event =
        read(
            "{\"onlyColdStarts\":true,\"num\":\"7.9\",\"balancedWeight\":\"0.25\","
                + "\"stats\":[{\"value\":\"256\","
                + "\"averagePrice\":\"1e-7\",\"averageDuration\":\"12.5\"}]}");

    assertThat(event.num()).isEqualTo(7);
    assertThat(event.balancedWeight()).isEqualTo(0.25);
    assertThat(event.stats().get(0)).isEqualTo(new PowerStat(256, 1e-7, 12.5, 0));
  }

  @Test
  void read_weightIsClamped_andNullMeansTheDefault() throws Exception {
    assertThat(read("{\"balancedWeight\":3," + STATS + "}").balancedWeight()).isEqualTo(1.0);
    assertThat(read("{\"balancedWeight\":null," + STATS + "}").balancedWeight()).isEqualTo(0.5);
  }

  @Test
  void read_flags_acceptBooleansAndTheirSpellings() throws Exception {
    AnalyzerEvent event =
        read(
            "{\"includeOutputResults\":\"true\",\"dryRun\":0,\"onlyColdStarts\":false,"
                + STATS
                + "}");

    assertThat(event.includeOutputResults()).isTrue();
    assertThat(event.dryRun()).isFalse();
    assertThat(event.onlyColdStarts()).isFalse();
  }

  @Test
  void read_notAnObject_saysWhatIsExpected() {
    assertThatThrownBy(() -> read("[1,2]"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("input: expected a JSON object with a \"stats\" array");
  }

  @Test
  void read_missingOrEmptyStats_namesStats() {
    assertThatThrownBy(() -> read("{}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("stats: missing or empty");
    assertThatThrownBy(() -> read("{\"stats\":[]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("stats: missing or empty");
  }

  @Test
  void read_badValue_namesTheEntry() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"stats\":[{\"value\":128,\"averagePrice\":1,\"averageDuration\":2},{\"value\":\"big\"}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("stats[1].value: expected a memory size in MB, got \"big\"");
    assertThatThrownBy(() -> read("{\"stats\":[{\"averageDuration\":2}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("stats[0].value: missing or not positive");
  }

  @Test
  void read_negativeDuration_isRejected() {
    assertThatThrownBy(
            () -> read("{\"stats\":[{\"value\":128,\"averagePrice\":1,\"averageDuration\":-2}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("stats[0].averageDuration: expected a non-negative number, got -2.0");
  }

  @Test
  void read_measuredEntryWithoutPrice_isRejected() {
    assertThatThrownBy(() -> read("{\"stats\":[{\"value\":128,\"averageDuration\":2}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("stats[0].averagePrice: missing");
  }

  @Test
  void read_entryThatIsNotAnObject_isRejected() {
    assertThatThrownBy(() -> read("{\"stats\":[42]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("stats[0]: expected an object, got 42");
  }

  @Test
  void read_unknownStrategy_failsBeforeAnythingIsAnalysed() {
    assertThatThrownBy(() -> read("{\"strategy\":\"cheapest\"," + STATS + "}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy: unknown strategy 'cheapest'; use one of cost, speed, balanced");
  }

  @Test
  void read_strategyOfTheWrongType_isRejected() {
    assertThatThrownBy(() -> read("{\"strategy\":3," + STATS + "}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy: expected a string, got 3");
  }

  @Test
  void read_nonNumericWeight_isAValidationError() {
    assertThatThrownBy(() -> read("{\"balancedWeight\":\"heavy\"," + STATS + "}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("balancedWeight: expected a number from 0 to 1, got \"heavy\"");
    assertThatThrownBy(() -> read("{\"balancedWeight\":true," + STATS + "}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("balancedWeight: expected a number");
  }

  @Test
  void read_stringFalse_isFalse_notJavaScriptTruthy() throws Exception {
    assertThat(read("{\"dryRun\":\"false\"," + STATS + "}").dryRun()).isFalse();
  }

  @Test
  void read_numThatIsNotANumber_isIgnoredUnlessColdStartsNeedIt() throws Exception {
    assertThat(read("{\"num\":\"many\"," + STATS + "}").num()).isZero();
    assertThatThrownBy(() -> read("{\"onlyColdStarts\":true,\"num\":\"many\"," + STATS + "}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("num: expected the number of invocations, got \"many\"");
  }

  @Test
  void read_flagThatIsNotABoolean_isRejected() {
    assertThatThrownBy(() -> read("{\"dryRun\":\"maybe\"," + STATS + "}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("dryRun: expected true or false, got \"maybe\"");
  }

  @Test
  void read_onlyColdStartsWithoutNum_isRejected() {
    assertThatThrownBy(() -> read("{\"onlyColdStarts\":true," + STATS + "}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("num: required with onlyColdStarts");
  }
}
