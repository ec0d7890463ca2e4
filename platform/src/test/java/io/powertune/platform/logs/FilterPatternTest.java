package io.powertune.platform.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterPatternTest {

  @Test
  void plainTerms_mustAllAppear_caseSensitively() {
    FilterPattern pattern = FilterPattern.parse("REPORT Duration");

    assertThat(pattern.matches("REPORT RequestId: x\tDuration: 1.00 ms")).isTrue();
    assertThat(pattern.matches("REPORT RequestId: x")).isFalse();
    assertThat(pattern.matches("report duration")).isFalse();
  }

  @Test
  void quotedPhrase_mustAppearAsWritten() {
    FilterPattern pattern = FilterPattern.parse("\"Billed Duration\"");

    assertThat(pattern.matches("x\tBilled Duration: 2 ms")).isTrue();
    assertThat(pattern.matches("Billed time, Duration")).isFalse();
  }

  @Test
  void questionMarkTerms_matchWhenAnyAppears_andMinusExcludes() {
    FilterPattern any = FilterPattern.parse("?ERROR ?WARN");
    FilterPattern exclude = FilterPattern.parse("REPORT -timeout");

    assertThat(any.matches("WARN disk")).isTrue();
    assertThat(any.matches("INFO ok")).isFalse();
    assertThat(exclude.matches("REPORT ok")).isTrue();
    assertThat(exclude.matches("REPORT Status: timeout")).isFalse();
  }

  @Test
  void emptyPattern_matchesEverything() {
    assertThat(FilterPattern.parse("").matches("anything")).isTrue();
    assertThat(FilterPattern.parse(null).matches("anything")).isTrue();
  }
}
