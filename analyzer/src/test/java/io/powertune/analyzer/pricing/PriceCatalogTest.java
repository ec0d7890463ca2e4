package io.powertune.analyzer.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.powertune.analyzer.InvalidInputException;
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
    assertThat(cost.total()).isEqualTo(cost.compute() + cost.request());
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
  void currency_isCnyInChinaOnly() {
    assertThat(PriceCatalog.currency("cn-north-1")).isEqualTo("CNY");
    assertThat(PriceCatalog.currency("eu-west-1")).isEqualTo("USD");
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
}
