package io.powertune.analyzer.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.powertune.analyzer.model.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceCatalogTest {

  private final PriceCatalog aws = PriceCatalogs.defaults();
  private final PriceCatalog anchor = PriceCatalogs.builtIn(PriceCatalogs.ANCHOR);

  @Test
  void aws_hasListPricesPerGbSecondAndTheDateTaken() {
    assertThat(aws.name()).isEqualTo("aws");
    assertThat(aws.computeUnit()).isEqualTo(ComputeUnit.GB_SECOND);
    assertThat(aws.takenOn()).isEqualTo(LocalDate.of(2026, 11, 22));
    // 1 GB for 1 s
    assertThat(aws.computePrice(Architecture.X86_64, "us-east-1", 1024, 1000))
        .isCloseTo(0.0000166667, within(1e-15));
    assertThat(aws.computePrice(Architecture.ARM64, "us-east-1", 1024, 1000))
        .isCloseTo(0.0000133334, within(1e-15));
  }

  @Test
  void aws_regionalPricesDifferWhereAwsChargesMore() {
    assertThat(aws.computePrice(Architecture.X86_64, "af-south-1", 1024, 1000))
        .isCloseTo(0.0000221, within(1e-15));
    assertThat(aws.computePrice(Architecture.ARM64, "eu-south-1", 1024, 1000))
        .isCloseTo(0.0000156138, within(1e-15));
    assertThat(aws.requestPrice("ap-east-1")).isCloseTo(0.28e-6, within(1e-18));
    assertThat(aws.stateTransitionPrice("sa-east-1")).isEqualTo(0.0000375);
  }

  @Test
  void aws_unknownRegionFallsBackToTheDefault() {
    assertThat(aws.computePrice(Architecture.X86_64, "xx-nowhere-9", 1024, 1000))
        .isCloseTo(0.0000166667, within(1e-15));
    assertThat(aws.requestPrice("xx-nowhere-9")).isCloseTo(0.2e-6, within(1e-18));
    assertThat(aws.stateTransitionPrice("xx-nowhere-9")).isEqualTo(0.000025);
  }

  @Test
  void aws_requestChargeIsItsOwnLine() {
    CostBreakdown cost = aws.invocationCost(Architecture.X86_64, "us-east-1", 128, 10);

    assertThat(cost.request()).isCloseTo(0.2e-6, within(1e-18));
    assertThat(cost.compute()).isCloseTo(10 / 1000.0 * 0.125 * 0.0000166667, within(1e-18));
  }

  @Test
  void computePrice_roundsBilledMillisecondsUp() {
    assertThat(aws.computePrice(Architecture.X86_64, "us-east-1", 1024, 999.01))
        .isEqualTo(aws.computePrice(Architecture.X86_64, "us-east-1", 1024, 1000));
  }

  @Test
  void anchor_reproducesTheOriginalsTablesExactly() {
    assertThat(anchor.computeUnit()).isEqualTo(ComputeUnit.MS_AT_128_MB);
    assertThat(anchor.computePrice(Architecture.X86_64, "us-east-1", 128, 5)).isEqualTo(5 * 2.1e-9);
    assertThat(anchor.computePrice(Architecture.X86_64, "ap-east-1", 256, 1)).isEqualTo(2.9e-9 * 2);
    assertThat(anchor.computePrice(Architecture.X86_64, "cn-north-1", 128, 1)).isEqualTo(1.42e-8);
    assertThat(anchor.computePrice(Architecture.ARM64, "af-south-1", 128, 1)).isEqualTo(1.7e-9);
    assertThat(anchor.requestPrice("us-east-1")).isZero();
    assertThat(anchor.stateTransitionPrice("us-gov-west-1")).isEqualTo(0.00003);
    assertThat(anchor.stateTransitionPrice("cn-northwest-1")).isEqualTo(0.0001891);
    assertThat(anchor.stateTransitionPrice("eu-west-1")).isEqualTo(0.000025);
  }

  @Test
  void builtIn_unknownName_isRejected() {
    assertThatThrownBy(() -> PriceCatalogs.builtIn("cheap"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void architecture_readsApiNamesAndDefaultsToX86() {
    assertThat(Architecture.fromApiName(null, "Architectures")).isEqualTo(Architecture.X86_64);
    assertThat(Architecture.fromApiName("arm64", "Architectures")).isEqualTo(Architecture.ARM64);
    assertThatThrownBy(() -> Architecture.fromApiName("riscv", "Architectures"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Architectures: unsupported architecture 'riscv'; use x86_64 or arm64");
  }

  @Test
  void regions_validateNames() {
    assertThat(Regions.validate("us-gov-east-1", "--region")).isEqualTo("us-gov-east-1");
    assertThat(Regions.validate("ap-southeast-5", "--region")).isEqualTo("ap-southeast-5");
    assertThatThrownBy(() -> Regions.validate("Frankfurt", "--region"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--region: 'Frankfurt' is not an AWS region name");
  }

  /** Every entry of the original's tables (reference section 5). */
  @Test
  void anchor_everyEntryOfTheOriginalsTables() {
    java.util.Map<String, Double> x86 =
        java.util.Map.of(
            "xx-default-1", 2.1e-9,
            "ap-east-1", 2.9e-9,
            "af-south-1", 2.8e-9,
            "me-south-1", 2.6e-9,
            "eu-south-1", 2.4e-9,
            "ap-northeast-3", 2.7e-9,
            "cn-north-1", 1.42e-8,
            "cn-northwest-1", 1.42e-8);
    java.util.Map<String, Double> stepFunctions = new java.util.HashMap<>();
    stepFunctions.put("xx-default-1", 0.000025);
    stepFunctions.put("us-gov-west-1", 0.00003);
    stepFunctions.put("us-gov-east-1", 0.00003);
    stepFunctions.put("ap-northeast-2", 0.0000271);
    stepFunctions.put("eu-south-1", 0.00002625);
    stepFunctions.put("af-south-1", 0.00002975);
    stepFunctions.put("us-west-1", 0.0000279);
    stepFunctions.put("eu-west-3", 0.0000297);
    stepFunctions.put("ap-east-1", 0.0000275);
    stepFunctions.put("me-south-1", 0.0000275);
    stepFunctions.put("ap-south-1", 0.0000285);
    stepFunctions.put("sa-east-1", 0.0000375);
    stepFunctions.put("cn-north-1", 0.0001891);
    stepFunctions.put("cn-northwest-1", 0.0001891);

    x86.forEach(
        (region, perMs) ->
            assertThat(anchor.computePrice(Architecture.X86_64, region, 128, 1))
                .as(region)
                .isEqualTo(perMs));
    stepFunctions.forEach(
        (region, price) ->
            assertThat(anchor.stateTransitionPrice(region)).as(region).isEqualTo(price));
    assertThat(anchor.compute().get(Architecture.X86_64).byRegion()).hasSize(7);
    assertThat(anchor.compute().get(Architecture.ARM64).byRegion()).isEmpty();
    assertThat(anchor.stepFunctionsPerTransition().byRegion()).hasSize(13);
  }
}
