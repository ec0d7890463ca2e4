package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentTest {

  @Test
  void parse_withOrWithoutTheSign() {
    assertThat(Percent.parse("5%", "--x")).isEqualTo(0.05);
    assertThat(Percent.parse(" 12.5 ", "--x")).isEqualTo(0.125);
  }

  @Test
  void parse_notAPercentage_namesTheFlag() {
    assertThatThrownBy(() -> Percent.parse("lots", "--max-regression"))
        .hasMessage("--max-regression: 'lots' is not a percentage; give e.g. 5%");
    assertThatThrownBy(() -> Percent.parse("-3%", "--max-regression"))
        .hasMessageContaining("'-3%' is not a percentage");
  }
}
