package io.powertune.analyzer.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.analyzer.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class PriceCatalogReaderTest {

  private static final String VALID =
      """
      { "name": "mine", "takenOn": "2026-01-31",
        "lambda": { "computeUnit": "GB-second",
                    "compute": { "x86_64": {"default": 0.00002, "eu-west-1": 0.00003},
                                 "arm64": {"default": 0.00001} },
                    "requestsPerMillion": {"default": 0.5} },
        "stepFunctions": { "perStateTransition": {"default": 0.0001} } }
      """;

  @Test
  void read_validFile_givesItsPrices() {
    PriceCatalog catalog = PriceCatalogReader.read(VALID, "my.json");

    assertThat(catalog.name()).isEqualTo("mine");
    assertThat(catalog.source()).isEmpty();
    assertThat(catalog.computePrice(Architecture.X86_64, "eu-west-1", 1024, 1000))
        .isEqualTo(0.00003);
    assertThat(catalog.requestPrice("us-east-1")).isEqualTo(0.5e-6);
    assertThat(catalog.stateTransitionPrice("us-east-1")).isEqualTo(0.0001);
  }

  @Test
  void read_notJson_namesTheFile() {
    assertThatThrownBy(() -> PriceCatalogReader.read("{oops", "my.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("my.json: not valid JSON");
  }

  @Test
  void read_missingDefault_namesTheTable() {
    String json =
        VALID.replace("\"arm64\": {\"default\": 0.00001}", "\"arm64\": {\"eu-west-1\": 1}");

    assertThatThrownBy(() -> PriceCatalogReader.read(json, "my.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("my.json: lambda.compute.arm64.default: missing; every price table needs one");
  }

  @Test
  void read_negativePrice_namesTheEntry() {
    String json = VALID.replace("\"eu-west-1\": 0.00003", "\"eu-west-1\": -1");

    assertThatThrownBy(() -> PriceCatalogReader.read(json, "my.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "my.json: lambda.compute.x86_64.eu-west-1: expected a non-negative number, got -1");
  }

  @Test
  void read_unknownUnit_saysWhichUnitsExist() {
    String json = VALID.replace("GB-second", "GB-hour");

    assertThatThrownBy(() -> PriceCatalogReader.read(json, "my.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "my.json: lambda.computeUnit: unknown unit 'GB-hour'; use GB-second or ms-at-128MB");
  }

  @Test
  void read_badDate_showsTheExpectedForm() {
    String json = VALID.replace("2026-01-31", "last week");

    assertThatThrownBy(() -> PriceCatalogReader.read(json, "my.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("my.json: takenOn: expected a date like 2026-11-22, got 'last week'");
  }

  @Test
  void read_missingStepFunctions_namesIt() {
    String json = VALID.replace("\"stepFunctions\"", "\"states\"");

    assertThatThrownBy(() -> PriceCatalogReader.read(json, "my.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("my.json: stepFunctions: missing; expected an object");
  }
}
