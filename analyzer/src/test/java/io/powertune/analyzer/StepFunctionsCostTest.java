package io.powertune.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.pricing.PriceCatalogs;
import org.junit.jupiter.api.Test;

/** The original's examples (reference section 5). */
class StepFunctionsCostTest {

  private final PriceCatalog anchor = PriceCatalogs.builtIn(PriceCatalogs.ANCHOR);

  @Test
  void estimate_sixBranches_defaultRegion() {
    assertThat(StepFunctionsCost.estimate(anchor.stateTransitionPrice("us-east-1"), 6, false, 10))
        .isEqualTo(0.0006);
  }

  @Test
  void estimate_threeBranches_roundsLikeToFixed() {
    // 0.000025 * 15 = 0.000375 -> "0.00038"
    assertThat(StepFunctionsCost.estimate(0.000025, 3, false, 10)).isEqualTo(0.00038);
  }

  @Test
  void estimate_govCloud_normalAndColdMode() {
    double price = anchor.stateTransitionPrice("us-gov-west-1");

    assertThat(StepFunctionsCost.estimate(price, 10, false, 10)).isEqualTo(0.00108);
    assertThat(StepFunctionsCost.estimate(price, 10, true, 10)).isEqualTo(0.00648);
  }

  @Test
  void roundLikeToFixed5_usesTheExactBinaryValue() {
    // values checked against Node's toFixed(5): 0.002675 is stored just below the tie, so it rounds
    // down; 1.000005 is stored just above it, so it rounds up
    assertThat(StepFunctionsCost.roundLikeToFixed5(0.002675)).isEqualTo(0.00267);
    assertThat(StepFunctionsCost.roundLikeToFixed5(1.000005)).isEqualTo(1.00001);
    assertThat(StepFunctionsCost.roundLikeToFixed5(0.000015)).isEqualTo(0.00002);
  }
}
